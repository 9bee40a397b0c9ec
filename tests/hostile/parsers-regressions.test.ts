import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BufferedFormat, parseBuffered } from '../../services/ingest/src/parse/index.ts';
import { parseJsonArticle } from '../../services/ingest/src/parse/json.ts';
import { anyText, CONTROL, checkArticle, checkResult, utf8 } from './support/parse-checks.ts';

// Regressions for parser bugs the hostile tests found (HTML fragments and bare text, unclosed scripts in the head,
// deep nesting, quadratic markdown regexes, invisible characters breaking NFC, control characters from JSON
// escapes and HTML entities). Each failed before the fix in services/ingest/src/parse/.

const parse = (s: string | Uint8Array, format: BufferedFormat) =>
  parseBuffered(typeof s === 'string' ? utf8(s) : s, format, { maxArticles: 50 });

/** Runs `fn` and fails if it takes longer than `ms` (parsers are synchronous: a slow one blocks all of ingest). */
function within<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const out = fn();
  expect(performance.now() - started).toBeLessThan(ms);
  return out;
}

describe('HTML files that are not whole documents', () => {
  it('reads an HTML fragment without <html>/<body> as an article', () => {
    const r = parse('<p>The council approved the new budget on Monday after a long debate.</p>', 'html');
    expect(r).toMatchObject({ ok: true, articles: [{ text: expect.stringContaining('council approved') }] });
  });

  it('never throws on an .html file holding plain text (Readability gets no document)', () => {
    expect(() => parse('The council approved the new budget on Monday.', 'html')).not.toThrow();
  });

  it('never throws on random bytes or random text as HTML', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), anyText(400).map(utf8)), (bytes) =>
        checkResult(parse(bytes, 'html')),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on a script left open in the head ', () => {
    const html =
      '<html><head><title>A title</title><script>QXSSMARKQ</head><body><script>QXSSMARKQ</script>\n<p>the Caf\u00e9 d\u00e9j\u00e0 Z\u00fcrich the.</p>';
    expect(() => checkResult(parse(html, 'html'))).not.toThrow();
  });
});

describe('deeply nested HTML', () => {
  it('never throws on 10,000 nested <div>s', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}Deep text here.${'</div>'.repeat(10_000)}</body></html>`;
    expect(() => checkResult(within(5_000, () => parse(html, 'html')))).not.toThrow();
  });

  it('parses 3,000 nested <div>s in bounded time (they once took minutes)', () => {
    const html = `<html><body>${'<div>'.repeat(3_000)}Deep text here.${'</div>'.repeat(3_000)}</body></html>`;
    checkResult(within(3_000, () => parse(html, 'html')));
  });
});

describe('markdown inline markup on huge lines', () => {
  for (const [name, unit] of [
    ['emphasis', ' *a'],
    ['underscores', ' _a'],
    ['bold', ' **a'],
    ['links', '[a](b'],
    ['tags', '<a'],
  ] as const) {
    it(`strips ${name} from a 200 KB line in linear time (once 7-68 s)`, () => {
      checkResult(within(2_000, () => parse(unit.repeat(50_000), 'markdown')));
    });
  }
});

describe('normalisation with invisible characters', () => {
  // Text and markdown files pass through normaliseText twice, which once hid the bug; JSON, JSONL and HTTP
  // articles pass once, so deleting an invisible character between a letter and its accent left non-NFC text.
  it('keeps JSON text and titles NFC when an invisible character sat between a letter and its accent', () => {
    const json = parseJsonArticle({
      title: 'A\u200b\u030a',
      text: 'e\u00ad\u0301 and A\u200b\u030angstr\u00f6m',
    });
    expect(json.ok && json.article).toMatchObject({ title: '\u00c5', text: '\u00e9 and \u00c5ngstr\u00f6m' });
  });

  const accents = fc.string({
    unit: fc.constantFrom('A', 'e', ' ', '\u200b', '\u00ad', '\u2060', '\u030a', '\u0301'),
    maxLength: 40,
  });
  it('gives NFC text and titles for any Unicode JSON article, invisible characters included', () => {
    fc.assert(
      fc.property(accents, accents, (text, title) => {
        const one = parseJsonArticle({ text, title });
        if (one.ok) checkArticle(one.article);
      }),
      { numRuns: 500 },
    );
  });
});

describe('control characters from JSON escapes and HTML entities', () => {
  it('never puts NUL or other binary control characters into article text or title', () => {
    const json = parseJsonArticle({
      title: 'Title\u0000',
      text: 'Hello\u0000 world \u0007 bell \u001b[31m red',
    });
    if (json.ok) {
      expect(json.article.text).not.toMatch(CONTROL);
      expect(json.article.title ?? '').not.toMatch(CONTROL);
    }
    const html = parse(
      '<html><body><p>A &#x1; B &#x1b; C &#8; D, the council met today.</p></body></html>',
      'html',
    );
    if (html.ok) expect(html.articles[0]?.text).not.toMatch(CONTROL);
  });
});
