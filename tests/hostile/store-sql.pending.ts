import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningStoreApi, startStoreApi } from './support/store.ts';

// PENDING: NUL bytes in query parameters reach the database unchecked.
// - PostgreSQL refuses text containing 0x00 ("invalid byte sequence for encoding UTF8"), so `q=%00` or a cursor
//   holding "\u0000" answers 500 instead of 400.
// - SQLite's LIKE stops comparing at the NUL, so `q=%00` matches every entity and `q=a%00b` every name with "a":
//   more rows than the filter allows.
// Where: services/store/src/api/routes/entities.ts:19 (`q` schema), api/http.ts:18 (decodeCursor accepts any
// strings). Fix: refuse control characters in `q` (e.g. `.regex(/^[^\u0000-\u001f]*$/)`) and in decoded
// cursors (or check the cursor id against /^[a-z]{3}_[0-9a-f]{24}$/ and the key against an ISO timestamp).
// Run: npx vitest run -c tests/hostile/vitest.pending.config.ts tests/hostile/store-sql.pending.ts

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
