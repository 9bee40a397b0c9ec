import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningStoreApi, startStoreApi } from './support/store.ts';

// Regression: the token hook used to test the raw URL, so `GET /%761/articles` reached the `/v1/articles`
// handler without a token. The hook now decides on the matched route and fails closed
// (services/store/src/api/server.ts).

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
