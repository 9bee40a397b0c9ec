import { readFileSync } from 'node:fs';
import { loadNerModel } from '@newsflow/ner';
import { describe, expect, it } from 'vitest';
import { createExtractor, type ExtractedEntity } from './index.ts';
import { normalizeName } from './normalize.ts';

interface ExpectedEntity {
  kind: string;
  name: string;
  aliases?: string[];
  roles?: { title: string; affiliation?: string; qualifiers?: string[] }[];
  nominals?: string[];
  country?: string;
  value?: string;
}
interface ExpectedArticle {
  file: string;
  publishedAt: string;
  entities: ExpectedEntity[];
}

const root = new URL('../../../../', import.meta.url);
const expected = JSON.parse(
  readFileSync(new URL('services/extract/test-fixtures/seeds.expected.json', root), 'utf8'),
) as { articles: ExpectedArticle[] };

/** The seed files end with a "Source: URL" line that ingest strips; drop it the same simple way. */
function seedText(file: string): string {
  const raw = readFileSync(new URL(`seeds/${file}`, root), 'utf8');
  return raw.replace(/\s*(?:Original )?Source:[^\n]*\s*$/, '').trimEnd();
}

const names = (e: ExtractedEntity): string[] => [e.name, ...e.aliases].map(normalizeName);
const extractor = createExtractor({ nerTagger: loadNerModel(), version: 'test' });

describe.each(expected.articles)('seed $file', (article) => {
  const text = seedText(article.file);
  const { entities } = extractor.extract({ id: article.file, text, publishedAt: article.publishedAt });

  it.each(article.entities)('finds $kind $name with its aliases and roles', (want) => {
    const found = entities.filter((e) => e.kind === want.kind && names(e).includes(normalizeName(want.name)));
    expect(found, `${want.kind} ${want.name}`).toHaveLength(1);
    const e = found[0] as ExtractedEntity;
    for (const alias of want.aliases ?? []) expect(names(e)).toContain(normalizeName(alias));
    for (const role of want.roles ?? []) {
      const match = e.roles.find(
        (r) =>
          r.title.toLowerCase() === role.title.toLowerCase() &&
          normalizeName(r.affiliation ?? '') === normalizeName(role.affiliation ?? ''),
      );
      expect(match, `${role.title} of ${role.affiliation}`).toBeDefined();
      for (const q of role.qualifiers ?? []) expect(match?.qualifiers).toContain(q);
    }
    for (const nominal of want.nominals ?? []) {
      expect(e.mentions.filter((m) => m.form === 'nominal').map((m) => m.text)).toContain(nominal);
    }
    if (want.country) expect(e.country).toBe(want.country);
    if (want.value) expect(e.time?.value).toBe(want.value);
  });

  it('gives every mention exact offsets into the article text', () => {
    for (const e of entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('is deterministic and gives distinct ids', () => {
    const again = extractor.extract({ id: article.file, text, publishedAt: article.publishedAt });
    expect(again.entities).toEqual(entities);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });
});
