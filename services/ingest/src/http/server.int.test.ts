import { waitFor } from '@newsflow/shared/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHarness, type IngestHarness } from '../testing/harness.ts';

let h: IngestHarness;
let url: string;
beforeEach(async () => {
  h = await createHarness(inject('natsUrl'));
  const { service } = await h.start({ NEWSFLOW_INGEST_WATCH: 'false', NEWSFLOW_INGEST_BODY_LIMIT: '4KB' });
  url = service.httpUrl as string;
});
afterEach(async () => {
  await h.close();
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}/v1/articles`, { method: 'POST', body, headers });

interface PushAnswer {
  articles: { id: string; duplicate: boolean; title?: string }[];
  published: number;
  duplicates: number;
}

const article = (n: number) => ({
  title: `Story ${n}`,
  text: `Body of story number ${n}, long enough to publish.`,
});

describe('POST /v1/articles', () => {
  it('publishes one article and answers with its id', async () => {
    const res = await post(JSON.stringify(article(1)));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushAnswer;
    expect(body).toMatchObject({
      published: 1,
      duplicates: 0,
      articles: [{ duplicate: false, title: 'Story 1' }],
    });
    const [message] = await h.raw(1);
    expect(message?.data).toMatchObject({
      id: body.articles[0]?.id,
      title: 'Story 1',
      origin: { kind: 'http' },
    });
  });

  it('publishes an array and reports which articles were duplicates', async () => {
    await post(JSON.stringify(article(1)));
    const res = await post(JSON.stringify([article(1), article(2), article(2)]));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushAnswer;
    expect(body.articles.map((a) => a.duplicate)).toEqual([true, false, true]);
    expect(body).toMatchObject({ published: 1, duplicates: 2 });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(2);
  });

  it('refuses an array with an invalid article, listing every problem by index, and publishes nothing', async () => {
    const res = await post(JSON.stringify([article(1), { title: 'no text' }, { text: 'x', url: 'ftp://a' }]));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_article',
      rejections: [
        { index: 1, reason: 'missing_text' },
        { index: 2, reason: 'invalid_article', message: expect.stringContaining('url') },
      ],
    });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(0);
    await waitFor(
      async () => (await h.count(h.bus.catalogue.articlesRejected)) === 2,
      'rejections published',
    );
  });

  it.each([
    ['malformed JSON', '{"text": "unterminated', 400, 'invalid_json'],
    ['a bare string', '"just text"', 400, 'invalid_article'],
    ['an empty array', '[]', 400, 'invalid_article'],
    ['a body over the limit', JSON.stringify({ text: 'x'.repeat(5000) }), 413, 'too_large'],
  ])('answers %s with a clear 4xx', async (_what, body, status, error) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error, message: expect.any(String) });
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await post('hello', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_type' });
  });
});

describe('health, readiness and metrics', () => {
  it('reports healthy and ready', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { nats: true, inbox: true } });
  });

  it('exposes Prometheus metrics for published articles, duplicates, rejections and publish latency', async () => {
    await post(JSON.stringify([article(1), article(1)]));
    await post(JSON.stringify({ title: 'no text' }));
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('newsflow_ingest_articles_published_total{origin="http"} 1');
    expect(text).toContain('newsflow_ingest_duplicates_total{origin="http",via="jetstream"} 1');
    expect(text).toContain('newsflow_ingest_rejections_total{reason="missing_text",origin="http"} 1');
    expect(text).toMatch(/newsflow_ingest_publish_duration_seconds_count 2/);
    expect(text).toContain('newsflow_ingest_files_seen_total 0');
  });
});

describe('shutdown', () => {
  it('answers a request in flight, then closes its keep-alive connection instead of waiting for it', async () => {
    const { service } = await h.start({ NEWSFLOW_INGEST_WATCH: 'false', NEWSFLOW_INGEST_BODY_LIMIT: '1MiB' });
    const body = JSON.stringify(Array.from({ length: 300 }, (_, i) => article(i)));
    const answer = fetch(`${service.httpUrl}/v1/articles`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    await waitFor(async () => (await h.count(h.bus.catalogue.articlesRaw)) > 0, 'publishing to start', {
      intervalMs: 2,
    });
    const started = Date.now();
    await service.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(((await res.json()) as PushAnswer).articles).toHaveLength(300);
  });
});

describe('bearer token', () => {
  it('requires the token on /v1 when one is configured, but not on health checks', async () => {
    const { service } = await h.start({
      NEWSFLOW_INGEST_WATCH: 'false',
      NEWSFLOW_API_TOKEN: 'a-long-enough-test-token',
    });
    const secured = service.httpUrl as string;
    const body = JSON.stringify(article(9));
    const headers = { 'content-type': 'application/json' };
    expect((await fetch(`${secured}/v1/articles`, { method: 'POST', body, headers })).status).toBe(401);
    const ok = await fetch(`${secured}/v1/articles`, {
      method: 'POST',
      body,
      headers: { ...headers, authorization: 'Bearer a-long-enough-test-token' },
    });
    expect(ok.status).toBe(200);
    expect((await fetch(`${secured}/healthz`)).status).toBe(200);
    for (const encoded of ['/%761/articles', '/%76%31/articles', '/v%31/articles']) {
      const sneaky = await fetch(`${secured}${encoded}`, { method: 'POST', body, headers });
      expect(sneaky.status, encoded).toBe(401);
    }
  });
});
