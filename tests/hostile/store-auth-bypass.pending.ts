import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningStoreApi, startStoreApi } from './support/store.ts';

// PENDING (known bug, docs/security.md "HTTP"): the store's token hook tests the raw request URL
// (`if (!req.url.startsWith('/v1/')) return;`, services/store/src/api/server.ts:41) while the router matches the
// percent-decoded path, so `GET /%761/articles` reaches the `/v1/articles` handler without a token. Fixed in
// ingest (the hook lives in an encapsulated plugin around the /v1 routes; tests/hostile/ingest-auth.test.ts);
// the same fix applies here. Rename to store-auth.test.ts once fixed.
// Run: npx vitest run -c tests/hostile/vitest.pending.config.ts tests/hostile/store-auth-bypass.pending.ts

const TOKEN = 'hostile-test-token-0123456789';
/** Encodings of `/v1` that the router decodes to the protected prefix. */
const ENCODED = ['/%761', '/%76%31', '/v%31'];

let store: RunningStoreApi;
beforeAll(async () => {
  store = await startStoreApi('sqlite', inject('databaseUrl'), { token: TOKEN });
});
afterAll(async () => {
  await store?.close();
});

describe('percent-encoded paths never skip the store token check', () => {
  it('store: GET /%761/articles, /%761/entities ... without a token are refused', async () => {
    for (const prefix of ENCODED) {
      for (const route of ['articles', 'entities?q=a', 'events', 'stories']) {
        const res = await fetch(`${store.url}${prefix}/${route}`);
        expect(res.status, `${prefix}/${route}`).toBe(401);
      }
    }
  });
});
