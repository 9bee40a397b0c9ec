import { extname } from 'node:path';

/** Input formats read whole into memory (bounded by the max file size). */
export type BufferedFormat = 'text' | 'markdown' | 'html' | 'json';
/** Every input format; `jsonl` is streamed line by line. */
export type InputFormat = BufferedFormat | 'jsonl';

/** File extensions (lower case, with the dot) and the format each means. */
export const EXTENSION_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format of a file name, or null when its extension is not accepted. */
export function formatOf(
  fileName: string,
  allowed: readonly string[] = Object.keys(EXTENSION_FORMATS),
): InputFormat | null {
  const ext = extname(fileName).toLowerCase();
  return allowed.includes(ext) ? (EXTENSION_FORMATS[ext] ?? null) : null;
}
