import { type Rejection, reject } from '../errors.ts';
import { sniffBom } from './decode.ts';
import { type ItemResult, parseJsonArticle, parseJsonText } from './json.ts';
import { splitLines } from './lines.ts';

/** Limits applied while streaming a JSONL file. */
export interface JsonlLimits {
  maxLineBytes: number;
  maxArticles: number;
}

/** One parsed line (blank lines are skipped), or a refusal of the whole file (`fatal`), after which nothing follows. */
export type JsonlItem = { line: number; result: ItemResult } | { fatal: Rejection };

/**
 * Streams a `.jsonl` / `.ndjson` file: one JSON article per line, UTF-8 (a BOM on the first line is allowed).
 * Memory stays bounded by `maxLineBytes` whatever the file size. A bad line is refused on its own; binary or
 * UTF-16 content or too many articles refuses the rest of the file.
 */
export async function* parseJsonl(
  chunks: AsyncIterable<Uint8Array>,
  limits: JsonlLimits,
): AsyncGenerator<JsonlItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let articles = 0;
  for await (const raw of splitLines(chunks, limits.maxLineBytes)) {
    if (raw.line === 1 && !raw.tooLong) {
      const bom = sniffBom(raw.bytes);
      if (bom.encoding !== 'utf-8') {
        yield { fatal: reject('encoding', 'JSONL files must be UTF-8; this one is UTF-16') };
        return;
      }
    }
    if (raw.tooLong) {
      yield {
        line: raw.line,
        result: fail('line_too_long', `${raw.length} bytes; the limit is ${limits.maxLineBytes}`, raw.line),
      };
      continue;
    }
    if (raw.bytes.includes(0)) {
      yield { fatal: reject('binary', `binary data (NUL byte) on line ${raw.line}`, { line: raw.line }) };
      return;
    }
    let text: string;
    try {
      text = decoder.decode(raw.bytes);
    } catch (cause) {
      yield {
        line: raw.line,
        result: fail('encoding', `not valid UTF-8: ${(cause as Error).message}`, raw.line),
      };
      continue;
    }
    if (text.trim() === '') continue;
    if (++articles > limits.maxArticles) {
      yield {
        fatal: reject('too_many_articles', `more than ${limits.maxArticles} articles in one file`, {
          line: raw.line,
        }),
      };
      return;
    }
    const json = parseJsonText(text, { line: raw.line });
    yield { line: raw.line, result: json.ok ? parseJsonArticle(json.value, { line: raw.line }) : json };
  }
}

function fail(code: Rejection['code'], message: string, line: number): ItemResult {
  return { ok: false, rejection: reject(code, message, { line }) };
}
