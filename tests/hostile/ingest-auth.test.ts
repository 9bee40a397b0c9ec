import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOn, type RunningIngest, startIngest } from './support/ingest.ts';

// The optional bearer token of the ingest HTTP API (NEWSFLOW_API_TOKEN): nothing reaches the article route
// without it, not even through a percent-encoded path such as /%761/articles; probes stay open.

const TOKEN = 'hostile-test-token-0123456789';
let ing: RunningIngest;

beforeAll(async () => {
  ing = await startIngest(inject('natsUrl'), { NEWSFLOW_INGEST_WATCH: 'false', NEWSFLOW_API_TOKEN: TOKEN });
});
afterAll(async () => {
  await ing?.close();
});

const body = JSON.stringify({ text: 'An article pushed with or without the right token.' });
const post = (authorization?: string, path = '/v1/articles') =>
  fetch(`${ing.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined ? { authorization } : {}),
    },
    body,
  });
const raw = () => countOn(ing.bus, ing.bus.catalogue.articlesRaw);

describe('bearer token on the ingest API', () => {
  it('answers 401 with WWW-Authenticate to a missing, wrong or malformed token and publishes nothing', async () => {
    for (const auth of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`,
      TOKEN,
      `Bearer  ${TOKEN}`,
      `Token ${TOKEN}`,
    ]) {
      const res = await post(auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
    expect(await raw()).toBe(0);
  });

  it('never accepts a random Authorization header', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
          fc.string({ minLength: 1, maxLength: 60 }),
          fc.string({ minLength: TOKEN.length, maxLength: TOKEN.length }).map((s) => `Bearer ${s}`),
        ),
        async (auth) => {
          const value = auth.replace(/[^\x20-\x7e]/g, 'x'); // header values must be visible ASCII
          fc.pre(value !== `Bearer ${TOKEN}`);
          const res = await post(value);
          expect(res.status).toBe(401);
        },
      ),
      { numRuns: 100 },
    );
    expect(await raw()).toBe(0);
  });

  it('refuses path variants of the article route without a token (never a 2xx or 5xx)', async () => {
    for (const path of [
      '/v1/articles?x=1',
      '/v1//articles',
      '/./v1/articles',
      '/v1/./articles',
      '/V1/articles',
      '//v1/articles',
      '/v1/articles/',
      '/v1/articles#x',
    ]) {
      const res = await post(undefined, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
    expect(await raw()).toBe(0);
  });

  it('refuses percent-encoded spellings of /v1 (/%761/articles ...) that the router decodes to the route', async () => {
    for (const prefix of ['/%761', '/%76%31', '/v%31']) {
      const res = await post(undefined, `${prefix}/articles`);
      expect(res.status, prefix).toBe(401);
    }
    expect(await raw()).toBe(0);
  });

  it('accepts the right token and keeps /healthz, /readyz and /metrics open for probes', async () => {
    const ok = await post(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await raw()).toBe(1);
    for (const path of ['/healthz', '/readyz', '/metrics'])
      expect((await fetch(`${ing.url}${path}`)).status, path).toBe(200);
  });
});
