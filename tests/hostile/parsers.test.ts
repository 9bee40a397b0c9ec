import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../services/ingest/src/parse/decode.ts';
import { type BufferedFormat, parseBuffered } from '../../services/ingest/src/parse/index.ts';
import { parseJsonArticle } from '../../services/ingest/src/parse/json.ts';
import {
  anyText,
  CONTROL,
  checkArticle,
  checkRejection,
  checkResult,
  deeplyNested,
  deeplyNestedJson,
  utf8,
} from './support/parse-checks.ts';

// Hostile input for every ingest parser (issue 8): the parsers never throw and always answer with articles or a
// rejection carrying a known reason code. HTML: parsers-html.test.ts and parsers-regressions.test.ts.

const LIMITS = { maxArticles: 50 };
const TEXT_FORMATS: BufferedFormat[] = ['text', 'markdown', 'json'];
const parse = (bytes: Uint8Array, format: BufferedFormat) => parseBuffered(bytes, format, LIMITS);

describe('decoding hostile bytes', () => {
  it('never throws on random bytes and refuses anything it cannot decode with a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeBytes(bytes);
        if (!r.ok) return checkRejection(r.rejection);
        expect(CONTROL.test(r.text)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes valid UTF-8 (with or without BOM) and UTF-16 with BOM back to the exact text', () => {
    const clean = anyText(200).filter(
      (s) => !CONTROL.test(s) && s.length > 0 && s.isWellFormed() && !s.startsWith('\ufeff'),
    );
    fc.assert(
      fc.property(clean, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'), (s, enc) => {
        const le = Buffer.from(s, 'utf16le');
        const bytes =
          enc === 'utf-8'
            ? utf8(s)
            : enc === 'utf-8-bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)])
              : enc === 'utf-16le'
                ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
                : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
        const r = decodeBytes(bytes);
        expect(r).toMatchObject({ ok: true, text: s });
      }),
      { numRuns: 500 },
    );
  });
});

describe('text, markdown and JSON files', () => {
  it('never throw on random bytes in any format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 800 }), fc.constantFrom(...TEXT_FORMATS), (bytes, format) => {
        checkResult(parse(bytes, format));
      }),
      { numRuns: 600 },
    );
  });

  it('answer random Unicode text with NFC articles free of control characters, or a rejection', () => {
    fc.assert(
      fc.property(anyText(600), fc.constantFrom<BufferedFormat>('text', 'markdown'), (s, format) => {
        checkResult(parse(utf8(s), format), { noControl: true });
      }),
      { numRuns: 600 },
    );
  });

  it('produce the NFC form of decomposed input, so the same words always give the same text', () => {
    const decomposed = 'Cafe\u0301 owner A\u030angstro\u0308m said the \uFB01rst phase is over.';
    for (const format of ['text', 'markdown'] as const) {
      const r = parse(utf8(decomposed), format);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.articles[0]?.text).toContain('Café owner Ångström');
    }
    const json = parse(utf8(JSON.stringify({ text: decomposed, title: 'Cafe\u0301' })), 'json');
    expect(json.ok && json.articles[0]).toMatchObject({
      title: 'Café',
      text: expect.stringContaining('Café'),
    });
  });

  it('handle huge single lines in bounded time', () => {
    const line = 'The minister said the plan would go ahead. '.repeat(50_000); // ~2.2 MB, one line
    for (const format of ['text', 'markdown'] as const) {
      const started = performance.now();
      const r = parse(utf8(line), format);
      expect(r.ok).toBe(true);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    const json = parse(utf8(JSON.stringify({ title: 'x'.repeat(100_000), text: line })), 'json');
    expect(json.ok).toBe(true);
  });
});

describe('JSON shapes', () => {
  it('never throws on any JSON value, as a file or as one pushed article', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        checkResult(parse(utf8(JSON.stringify(value)), 'json'));
        const one = parseJsonArticle(value);
        if (one.ok) checkArticle(one.article);
        else checkRejection(one.rejection);
      }),
      { numRuns: 800 },
    );
  });

  it('validates article-shaped objects whose fields have the wrong types', () => {
    const anyField = fc.oneof(anyText(80), fc.jsonValue({ maxDepth: 3 }), fc.constant(null));
    const article = fc.record(
      {
        text: fc.oneof(anyText(300), fc.jsonValue({ maxDepth: 2 })),
        body: anyField,
        title: anyField,
        url: fc.oneof(
          fc.webUrl(),
          fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', '//x', 'data:text/html,x'),
          anyField,
        ),
        source: fc.oneof(anyField, fc.record({ name: anyField })),
        author: fc.oneof(anyField, fc.array(fc.oneof(anyText(20), fc.record({ name: anyField })))),
        language: anyField,
        publishedAt: fc.oneof(
          anyField,
          fc.integer(),
          fc.double(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(article, fc.array(article, { maxLength: 5 })), (value) => {
        const r = parse(utf8(JSON.stringify(value)), 'json');
        checkResult(r);
        if (r.ok) for (const a of r.articles) if (a.url) expect(a.url).toMatch(/^https?:\/\//);
      }),
      { numRuns: 500 },
    );
  });

  it('never takes article fields from a __proto__ or constructor key', () => {
    const r = parse(
      utf8('{"__proto__":{"text":"injected"},"constructor":{"prototype":{"text":"x"}}}'),
      'json',
    );
    expect(r).toMatchObject({ ok: false, rejection: { code: 'missing_text' } });
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });

  it('survives JSON nested 10,000 levels deep in every position', () => {
    const depth = 10_000;
    const cases = [
      deeplyNestedJson(depth, 'array'),
      deeplyNestedJson(depth, 'object'),
      `[${deeplyNestedJson(depth, 'object')}]`,
      `{"text":"A real article body.","extra":${deeplyNestedJson(depth, 'array')}}`,
      `{"text":${deeplyNestedJson(depth, 'array', '"x"')}}`,
      `{"source":${deeplyNestedJson(depth, 'object', '{"name":"x"}')},"text":"body"}`,
      `{"author":[${deeplyNestedJson(depth, 'array')}],"text":"body"}`,
    ];
    for (const json of cases) checkResult(parse(utf8(json), 'json'));
    const kept = parse(utf8(cases[3] as string), 'json');
    expect(kept.ok && kept.articles[0]?.text).toBe('A real article body.');
    for (const kind of ['array', 'object'] as const) {
      const one = parseJsonArticle(deeplyNested(depth, kind));
      expect(one.ok).toBe(false);
      if (!one.ok) checkRejection(one.rejection);
    }
  });

  it('refuses truncated and malformed JSON as invalid_json', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (value, cut) => {
        const text = JSON.stringify({ text: 'body', value });
        const truncated = text.slice(0, cut % text.length);
        const r = parse(utf8(truncated || '{'), 'json');
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.rejection.code).toBe('invalid_json');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a JSON array longer than the per-file limit without reading its items', () => {
    const r = parse(utf8(JSON.stringify(Array.from({ length: 51 }, () => ({ text: 'x' })))), 'json');
    expect(r).toMatchObject({ ok: false, rejection: { code: 'too_many_articles' } });
  });
});
