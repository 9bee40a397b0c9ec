// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the samples are source code as text, on purpose
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { findSqlConcatenations, findSqlInterpolations, unsafeReason } from './support/sql-scan.ts';

// "Parameterised queries everywhere" (docs/security.md), checked on the source: no SQL text in services/store/src
// is built from a request value. Values reach SQL only as `$n` parameters; the query API may interpolate nothing
// but placeholder numbers, placeholder lists, constants and the zod-validated integer limit.

const STORE_SRC = join(ROOT, 'services/store/src');
const sources = (readdirSync(STORE_SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f.split('\\').join('/'), text: readFileSync(join(STORE_SRC, f), 'utf8') }));

describe('SQL in services/store/src', () => {
  it('finds the query API routes to check (the scan is looking at the right code)', () => {
    const api = sources.filter((s) => s.file.startsWith('api/'));
    const found = api.flatMap((s) => findSqlInterpolations(s.text));
    expect(api.length).toBeGreaterThanOrEqual(4);
    expect(found.some((e) => e.expression.startsWith('params.push('))).toBe(true);
  });

  it('interpolates no request value into SQL text, anywhere', () => {
    const offences = sources.flatMap(({ file, text }) => [
      ...findSqlInterpolations(text)
        .map((e) => ({ e, why: unsafeReason(e, file.startsWith('api/')) }))
        .filter((x) => x.why !== null)
        .map((x) => `${file}:${x.e.line} ${x.why}\n    in: ${x.e.sql}`),
      ...findSqlConcatenations(text).map(
        (c) => `${file}:${c.line} SQL concatenated with a request value: ${c.code}`,
      ),
    ]);
    expect(offences).toEqual([]);
  });

  it('would catch the classic mistakes (the scanner itself can fail)', () => {
    const bad = [
      "db.all(`SELECT * FROM articles WHERE title = '${req.query.q}'`);",
      'db.all(`SELECT * FROM entities WHERE type = ${q.type} LIMIT 5`);',
      "where.push(`c.name LIKE '%${q.q}%'`);",
      'db.get(`SELECT * FROM stories WHERE id = ${p.id}`);',
      "where.push(`c.id > '${after[1]}' AND x = $${params.push(1)}`);",
      "db.all('SELECT * FROM articles WHERE id = ' + q.id);",
    ];
    for (const code of bad) {
      const hits = [
        ...findSqlInterpolations(code).filter((e) => unsafeReason(e, true) !== null),
        ...findSqlConcatenations(code),
      ];
      expect(hits.length, code).toBeGreaterThan(0);
    }
    const good =
      'db.all(`SELECT id FROM c WHERE type = $${params.push(q.type)} LIMIT ${q.limit + 1}`, params);';
    expect(findSqlInterpolations(good).filter((e) => unsafeReason(e, true) !== null)).toEqual([]);
  });
});
