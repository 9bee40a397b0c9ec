import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningStoreApi, startStoreApi } from './support/store.ts';

// SQL injection attempts against the store's query API, on both engines (embedded SQLite and PostgreSQL), over
// real rows fed through the store's handlers: answers are 4xx or correctly filtered results, never a 5xx, never
// more rows than the filter allows, and every table is intact afterwards. NUL bytes are in store-sql.pending.ts.

const INJECTIONS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  "'; DROP TABLE articles; --",
  "person'; DROP TABLE articles; --",
  '1; DELETE FROM canonical_entities; --',
  "' UNION SELECT id, text, text, 1 FROM articles --",
  "') OR EXISTS(SELECT 1 FROM articles) --",
  '%',
  '_',
  '\\',
  '%%%',
  "\\' OR 1=1 --",
  '$1',
  '?1',
  "' || (SELECT text FROM articles LIMIT 1) || '",
  "'; SELECT pg_sleep(5); --",
  '1 AND SLEEP(5)',
  "\u202e' OR 1=1 --",
  'ﬁ\u0301',
  '😀',
];
const enc = encodeURIComponent;
const cursor = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

describe.each(['sqlite', 'postgres'] as const)('query API on %s under injection attempts', (engine) => {
  let store: RunningStoreApi;
  let before: Record<string, number>;
  let entities: { id: string; names: string[] }[];

  beforeAll(async () => {
    store = await startStoreApi(engine, inject('databaseUrl'), { synthetic: 30 });
    before = await store.counts();
    const rows = await store.db.all<{ id: string; name: string }>(
      'SELECT c.id, c.name FROM canonical_entities c UNION ALL SELECT a.canonical_id, a.alias FROM entity_aliases a',
    );
    const byId = new Map<string, string[]>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r.name.toLowerCase()]);
    entities = [...byId].map(([id, names]) => ({ id, names }));
  });
  afterAll(async () => {
    await store?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(`${store.url}${path}`);
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as { items?: { id: string; type?: string }[]; error?: string },
    };
  };

  /** 4xx, or 200 with at most `limit` items; never a 5xx. */
  const bounded = async (path: string, limit = 50) => {
    const r = await get(path);
    expect(r.status, path).toBeLessThan(500);
    if (r.status === 200) expect(r.body.items?.length ?? 0, path).toBeLessThanOrEqual(limit);
    else expect(r.status, path).toBeGreaterThanOrEqual(400);
    return r;
  };

  it('finds only entities whose name or alias contains q, whatever q holds', async () => {
    const q = fc.oneof(
      fc.constantFrom(...INJECTIONS),
      fc.string({
        unit: fc.constantFrom(
          'a',
          'i',
          'r',
          ' ',
          "'",
          '"',
          '%',
          '_',
          '\\',
          '-',
          ';',
          '(',
          ')',
          '=',
          '*',
          'é',
        ),
        minLength: 1,
        maxLength: 12,
      }),
    );
    await fc.assert(
      fc.asyncProperty(q, async (term) => {
        const r = await bounded(`/v1/entities?q=${enc(term)}&limit=200`, 200);
        if (r.status !== 200) return;
        const needle = term.trim().toLowerCase();
        const allowed = new Set(
          entities.filter((e) => e.names.some((n) => n.includes(needle))).map((e) => e.id),
        );
        for (const item of r.body.items ?? [])
          expect(allowed.has(item.id), `${item.id} for q=${term}`).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('answers injection strings in every filter with a 400 or a correctly empty result', async () => {
    for (const bad of INJECTIONS) {
      const v = enc(bad);
      for (const path of [
        `/v1/entities?type=${v}`,
        `/v1/events?type=${v}`,
        `/v1/events?entity=${v}`,
        `/v1/events?from=${v}`,
        `/v1/events?to=${v}`,
        `/v1/articles?limit=${v}`,
        `/v1/articles/${v}`,
        `/v1/entities/${v}`,
        `/v1/events/${v}`,
        `/v1/stories/${v}`,
      ]) {
        const r = await bounded(path);
        if (r.status === 200) expect(r.body.items ?? [], path).toEqual([]);
      }
      const q = await bounded(`/v1/entities?q=${v}`);
      if (q.status === 200 && /['";=()|]/.test(bad)) expect(q.body.items, bad).toEqual([]);
    }
  });

  it('refuses crafted cursors or pages correctly from them, never more than the limit', async () => {
    const crafted = [
      'not-base64!!',
      '',
      'A'.repeat(500),
      'A'.repeat(501),
      cursor([1, 2]),
      cursor(['a']),
      cursor(['a', 'b', 'c']),
      cursor({ 0: 'a', 1: 'b', length: 2 }),
      cursor(["' OR 1=1 --", "' OR 1=1 --"]),
      cursor(['9999', "') OR 1=1 --"]),
      cursor(['', "zzz' OR '1'='1"]),
      cursor(['2000-01-01', 'art_000000000000000000000000']),
      Buffer.from('["a","b"]').toString('base64'),
    ];
    for (const c of crafted) {
      for (const route of ['articles', 'entities', 'events', 'stories'])
        await bounded(`/v1/${route}?cursor=${enc(c)}&limit=5`, 5);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.base64String({ maxLength: 200 }),
          fc
            .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
            .filter(([a, b]) => !`${a}${b}`.includes('\u0000'))
            .map(cursor),
        ),
        fc.constantFrom('articles', 'entities', 'events', 'stories'),
        async (c, route) => {
          await bounded(`/v1/${route}?cursor=${enc(c)}&limit=3`, 3);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('validates limit, repeated and unknown parameters', async () => {
    for (const limit of [
      'abc',
      '-1',
      '0',
      '201',
      '1e9',
      '1.5',
      '1; DROP TABLE articles',
      '10 OR 1=1',
      '9'.repeat(400),
      '',
    ]) {
      expect((await get(`/v1/articles?limit=${enc(limit)}`)).status, limit).toBe(400);
    }
    for (const [limit, n] of [
      ['1', 1],
      ['2', 2],
      [' 3 ', 3],
      ['0x4', 4],
      ['5e0', 5],
    ] as const) {
      const r = await get(`/v1/entities?limit=${enc(limit)}`);
      expect(r.status, limit).toBe(200);
      expect(r.body.items, limit).toHaveLength(n);
    }
    for (const path of [
      '/v1/articles?limit=1&limit=2',
      '/v1/entities?type=person&type=organization',
      '/v1/entities?q=a&q=b',
      '/v1/events?type=life.die&type=contact',
      '/v1/articles?cursor=a&cursor=b',
      '/v1/articles?foo=1',
      '/v1/entities?__proto__=1',
      '/v1/entities?constructor[prototype][x]=1',
      '/v1/entities?q[a]=1',
      '/v1/entities?type[]=person',
    ]) {
      const r = await bounded(path);
      expect(r.status, path).toBe(400);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps the type filter exact: only entities of the requested type come back', async () => {
    const r = await get('/v1/entities?type=person&limit=200');
    expect(r.status).toBe(200);
    expect(r.body.items?.length).toBeGreaterThan(0);
    for (const item of r.body.items ?? []) expect(item.type).toBe('person');
  });

  it('answers huge and odd Unicode values without a 5xx', async () => {
    for (const path of [
      `/v1/entities?q=${'a'.repeat(201)}`,
      `/v1/entities?q=${'a'.repeat(20_000)}`,
      `/v1/events?type=${'a'.repeat(5_000)}`,
      `/v1/articles?cursor=${'A'.repeat(10_000)}`,
      '/v1/entities?q=%ED%A0%80',
      '/v1/entities?q=%FF%FE',
      '/v1/entities?q=%C0%AF',
      '/v1/entities?q=%',
      '/v1/entities?q=%zz',
      `/v1/entities?q=${enc('\u{10ffff}\ufffe\u200b')}`,
    ]) {
      const res = await fetch(`${store.url}${path}`);
      expect(res.status, path.slice(0, 60)).toBeLessThan(500);
    }
  });

  it('leaves every table intact after all of the above', async () => {
    expect(await store.counts()).toEqual(before);
    expect(before.articles).toBe(32);
  });
});
