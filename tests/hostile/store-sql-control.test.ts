import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningStoreApi, startStoreApi } from './support/store.ts';

// Regression: NUL and other control characters in `q` or in a forged cursor used to reach the database
// (PostgreSQL answered 500; SQLite's LIKE stopped at the NUL and matched everything). They are now refused with
// 400 (services/store/src/api/http.ts `textParam`, `decodeCursor`).

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

describe.each(['sqlite', 'postgres'] as const)('NUL bytes in query parameters on %s', (engine) => {
  let store: RunningStoreApi;
  beforeAll(async () => {
    store = await startStoreApi(engine, inject('databaseUrl'));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('answers q with a NUL byte with a 400 or no rows, never a 5xx or every row', async () => {
    for (const q of ['%00', 'a%00b', '%00%27%20OR%201%3D1']) {
      const res = await fetch(`${store.url}/v1/entities?q=${q}`);
      expect(res.status, q).toBeLessThan(500);
      if (res.status === 200) expect(((await res.json()) as { items: unknown[] }).items, q).toEqual([]);
    }
  });

  it('answers a cursor holding a NUL byte with a 400, never a 5xx', async () => {
    for (const route of ['articles', 'entities', 'events', 'stories']) {
      for (const c of [cursor(['\u0000', 'x']), cursor(['', 'a\u0000'])]) {
        const res = await fetch(`${store.url}/v1/${route}?cursor=${c}`);
        expect(res.status, route).toBe(400);
      }
    }
  });
});
