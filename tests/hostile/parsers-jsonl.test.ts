import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonlItem, parseJsonl } from '../../services/ingest/src/parse/index.ts';
import { anyText, checkArticle, checkRejection, deeplyNestedJson } from './support/parse-checks.ts';

// JSONL streams under hostile input: random bytes, random JSON per line, huge lines, deep nesting, and every way
// of cutting the stream into chunks. Never a throw; each line an article or a rejection; chunking changes nothing.

const LIMITS = { maxLineBytes: 4096, maxArticles: 500 };

async function run(bytes: Uint8Array, cuts: number[] = [], limits = LIMITS): Promise<JsonlItem[]> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) chunks.push(bytes.subarray(at, p));
    at = Math.max(at, p);
  }
  const out: JsonlItem[] = [];
  for await (const item of parseJsonl(Readable.from(chunks), limits)) out.push(item);
  return out;
}

function check(items: JsonlItem[]): void {
  let lastLine = 0;
  items.forEach((item, i) => {
    if ('fatal' in item) {
      checkRejection(item.fatal);
      expect(i).toBe(items.length - 1); // nothing follows a refusal of the file
      return;
    }
    expect(item.line).toBeGreaterThan(lastLine);
    lastLine = item.line;
    if (item.result.ok) checkArticle(item.result.article);
    else checkRejection(item.result.rejection);
  });
}

const line = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ text: anyText(200), title: fc.option(anyText(40)) }).map((v) => JSON.stringify(v)),
  anyText(100),
  fc.constantFrom('', ' ', '\r', '{', '{"text":', '[1,2', 'null', '"str"', '{"text":"ok"}\r'),
);

describe('JSONL streams', () => {
  it('never throw on random bytes, however the stream is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (bytes, cuts) => {
          check(await run(bytes, cuts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('give the same answer for random JSON lines whatever the chunk borders (even inside a character)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (lines, cuts) => {
          const bytes = Buffer.from(lines.join('\n'), 'utf8');
          const whole = await run(bytes);
          check(whole);
          expect(await run(bytes, cuts)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a line over the limit on its own and goes on with the next line', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) });
    const bytes = Buffer.from(`{"text":"first"}\n${huge}\n{"text":"third"}\n`);
    const items = await run(bytes, [10, 1000, 70_000, 3_000_000], {
      maxLineBytes: 1024 * 1024,
      maxArticles: 10,
    });
    expect(items.map((i) => ('fatal' in i ? 'fatal' : i.result.ok ? 'ok' : i.result.rejection.code))).toEqual(
      ['ok', 'line_too_long', 'ok'],
    );
  });

  it('answers a line nested 10,000 levels deep with a rejection', async () => {
    const bytes = Buffer.from(
      `${deeplyNestedJson(10_000, 'array')}\n${deeplyNestedJson(10_000, 'object')}\n{"text":"after"}\n`,
    );
    const items = await run(bytes, [], { maxLineBytes: 1024 * 1024, maxArticles: 10 });
    check(items);
    expect(items).toHaveLength(3);
    expect(items[2]).toMatchObject({ line: 3, result: { ok: true } });
  });

  it('stops at the article limit with a fatal too_many_articles', async () => {
    const bytes = Buffer.from(
      Array.from({ length: 20 }, (_, i) => JSON.stringify({ text: `article ${i}` })).join('\n'),
    );
    const items = await run(bytes, [], { maxLineBytes: 1024, maxArticles: 5 });
    expect(items).toHaveLength(6);
    expect(items[5]).toMatchObject({ fatal: { code: 'too_many_articles' } });
  });
});
