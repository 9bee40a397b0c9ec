import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type JsonlItem, parseJsonl } from './jsonl.ts';
import { splitLines } from './lines.ts';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A stream cut into chunks of `size` bytes, so lines straddle chunk borders. */
const chunked = (text: string | Buffer, size: number) => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
};

const limits = { maxLineBytes: 200, maxArticles: 100 };

describe('splitLines', () => {
  it('splits across chunk borders and drops \\r', async () => {
    const lines = await collect(splitLines(chunked('ab\r\ncd\nef', 1), 10));
    expect(lines.map((l) => (l.tooLong ? null : Buffer.from(l.bytes).toString()))).toEqual([
      'ab',
      'cd',
      'ef',
    ]);
  });

  it('skips a line longer than the limit without buffering it', async () => {
    const lines = await collect(splitLines(chunked(`ok\n${'x'.repeat(50)}\nok2\n`, 7), 10));
    expect(lines[1]).toEqual({ line: 2, length: 50, tooLong: true });
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
  });
});

describe('parseJsonl', () => {
  it('yields one result per non-blank line with its line number', async () => {
    const text =
      '{"text":"One article here."}\n\n{"title":"T","body":"Two."}\n{"title":"no text"}\n{broken\n';
    const items = (await collect(parseJsonl(chunked(text, 5), limits))) as Extract<
      JsonlItem,
      { line: number }
    >[];
    expect(items.map((i) => [i.line, i.result.ok])).toEqual([
      [1, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    expect(items[2]?.result).toMatchObject({ ok: false, rejection: { code: 'missing_text', line: 4 } });
    expect(items[3]?.result).toMatchObject({ ok: false, rejection: { code: 'invalid_json', line: 5 } });
  });

  it('accepts a UTF-8 BOM on the first line', async () => {
    const items = await collect(parseJsonl(chunked('\ufeff{"text":"With a BOM."}\n', 3), limits));
    expect(items).toMatchObject([{ line: 1, result: { ok: true } }]);
  });

  it('refuses a line over the length limit and continues', async () => {
    const long = JSON.stringify({ text: 'y'.repeat(300) });
    const items = await collect(parseJsonl(chunked(`${long}\n{"text":"fine"}\n`, 64), limits));
    expect(items).toMatchObject([
      { line: 1, result: { ok: false, rejection: { code: 'line_too_long' } } },
      { line: 2, result: { ok: true } },
    ]);
  });

  it('refuses invalid UTF-8 on one line and continues', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n{"text":"ok"}\n'),
    ]);
    const items = await collect(parseJsonl(chunked(bytes, 4), limits));
    expect(items).toMatchObject([
      { result: { ok: false, rejection: { code: 'encoding' } } },
      { result: { ok: true } },
    ]);
  });

  it('stops with a fatal refusal on binary data or UTF-16', async () => {
    expect(
      await collect(parseJsonl(chunked(Buffer.from([0x7b, 0x00, 0x7d, 0x0a]), 2), limits)),
    ).toMatchObject([{ fatal: { code: 'binary' } }]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"x"}\n', 'utf16le')]);
    expect(await collect(parseJsonl(chunked(utf16, 8), limits))).toMatchObject([
      { fatal: { code: 'encoding' } },
    ]);
  });

  it('stops after the maximum number of articles', async () => {
    const text = '{"text":"a"}\n'.repeat(4);
    const items = await collect(parseJsonl(chunked(text, 100), { maxLineBytes: 100, maxArticles: 2 }));
    expect(items.at(-1)).toMatchObject({ fatal: { code: 'too_many_articles' } });
    expect(items).toHaveLength(3);
  });
});
