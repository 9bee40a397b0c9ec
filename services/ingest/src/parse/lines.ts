/** One line of a byte stream: its bytes, or only its length when it was longer than allowed. */
export type RawLine =
  | { line: number; bytes: Uint8Array; tooLong: false }
  | { line: number; length: number; tooLong: true };

/**
 * Splits a byte stream into `\n`-terminated lines (a trailing `\r` is dropped) without ever holding more than
 * `maxLineBytes` of one line: a longer line is skipped to its end and reported as `tooLong`.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<RawLine> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let line = 0;
  for await (const chunk of chunks) {
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      if (end > start) {
        if (size + (end - start) <= maxLineBytes) parts.push(chunk.subarray(start, end));
        else parts = [];
        size += end - start;
      }
      if (nl === -1) break;
      line++;
      yield emit(line, parts, size, maxLineBytes);
      parts = [];
      size = 0;
      start = nl + 1;
    }
  }
  if (size > 0) yield emit(line + 1, parts, size, maxLineBytes);
}

function emit(line: number, parts: Uint8Array[], size: number, max: number): RawLine {
  if (size > max) return { line, length: size, tooLong: true };
  let bytes = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  if (bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
  return { line, bytes, tooLong: false };
}
