import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOn, type RunningIngest, startIngest } from './support/ingest.ts';
import { deeplyNestedJson } from './support/parse-checks.ts';

// Hostile HTTP pushes against the real ingest server (in-process, real NATS): size and count limits, malformed
// bodies, wrong content types and random JSON never produce a 5xx, and each refusal names its reason.

const BODY_LIMIT = 64 * 1024;
const MAX_ARTICLES = 10;
let ing: RunningIngest;

beforeAll(async () => {
  ing = await startIngest(inject('natsUrl'), {
    NEWSFLOW_INGEST_WATCH: 'false',
    NEWSFLOW_INGEST_BODY_LIMIT: String(BODY_LIMIT),
    NEWSFLOW_INGEST_MAX_ARTICLES_PER_REQUEST: String(MAX_ARTICLES),
  });
});
afterAll(async () => {
  await ing?.close();
});

async function post(
  body: string | Blob,
  contentType: string | null = 'application/json',
  path = '/v1/articles',
) {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  const res = await fetch(`${ing.url}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: the assertions on `error` will say so
  }
  return { status: res.status, json, text };
}

const article = (i: number) => ({
  title: `Hostile ${i}`,
  text: `Article number ${i} about the council budget vote.`,
});

describe('POST /v1/articles under hostile input', () => {
  it('answers 413 too_large for a body over the limit, declared or streamed without a length', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT + 10) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ error: 'too_large', message: expect.any(String) });

    // Chunked transfer: no Content-Length, so the limit must be enforced while reading.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"text":"'));
        if (sent > BODY_LIMIT * 4) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const res = await fetch(`${ing.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
  });

  it('answers 400 invalid_json with a message for malformed and truncated JSON', async () => {
    for (const body of [
      '{',
      '{"text": "a",}',
      "{'text': 'a'}",
      '{"text": "a"} trailing',
      '[1,2',
      'NaN',
      '\u0000',
      '{"text":"\\ud800"',
    ]) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(r.json, body).toMatchObject({ error: 'invalid_json', message: expect.any(String) });
    }
  });

  it('answers 400 for an empty body and for JSON that is not an article', async () => {
    expect((await post('')).json).toMatchObject({ error: 'empty' });
    for (const body of [
      'null',
      '42',
      '"text"',
      'true',
      '[]',
      '{}',
      '{"text": 5}',
      '[{"text":"ok body"}, 7]',
    ]) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(typeof r.json.error, body).toBe('string');
    }
  });

  it('refuses prototype-poisoning keys with a 400, not a crash', async () => {
    for (const body of [
      '{"text":"a body","__proto__":{"admin":true}}',
      '{"text":"a body","constructor":{"prototype":{"x":1}}}',
    ]) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(r.json.error).toBe('invalid_json');
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers 415 unsupported_type for anything but JSON', async () => {
    const body = JSON.stringify(article(1));
    for (const type of [
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/octet-stream',
      'application/jsonx',
      'image/png',
    ]) {
      const r = await post(body, type);
      expect(r.status, type).toBe(415);
      expect(r.json, type).toMatchObject({ error: 'unsupported_type' });
    }
    const none = await post(new Blob([body]), null);
    expect(none.status).toBe(415);
  });

  it('refuses more articles than allowed per request with a 4xx and publishes none of them', async () => {
    const before = await countOn(ing.bus, ing.bus.catalogue.articlesRaw);
    const r = await post(
      JSON.stringify(Array.from({ length: MAX_ARTICLES + 1 }, (_, i) => article(1000 + i))),
    );
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.json).toMatchObject({ error: 'too_many_articles' });
    expect(await countOn(ing.bus, ing.bus.catalogue.articlesRaw)).toBe(before);
    const ok = await post(JSON.stringify(Array.from({ length: MAX_ARTICLES }, (_, i) => article(2000 + i))));
    expect(ok.status).toBe(200);
  });

  it('answers JSON nested 10,000 levels deep with a 4xx or a 200, never a 5xx', async () => {
    for (const body of [
      deeplyNestedJson(10_000, 'array'),
      deeplyNestedJson(10_000, 'object'),
      `{"text":"Deep extra field body.","extra":${deeplyNestedJson(10_000, 'array')}}`,
    ]) {
      const r = await post(body);
      expect(r.status, body.slice(0, 40)).toBeLessThan(500);
    }
  });

  it('never answers a 5xx to random JSON or random text bodies', async () => {
    const bodies = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? 'null'),
      fc
        .record(
          { text: fc.string({ maxLength: 200 }), title: fc.option(fc.string()), url: fc.option(fc.webUrl()) },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
      fc
        .array(fc.record({ text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }) }), {
          maxLength: MAX_ARTICLES + 2,
        })
        .map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const r = await post(body);
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) expect(typeof r.json.error).toBe('string');
      }),
      { numRuns: 150 },
    );
  });
});
