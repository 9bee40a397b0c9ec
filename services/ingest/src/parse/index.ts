import { decodeBytes } from './decode.ts';
import type { BufferedFormat } from './formats.ts';
import { parseHtml } from './html.ts';
import { parseJsonDocument } from './json.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePlainText } from './text.ts';
import { type ParseResult, refused } from './types.ts';

export { type BufferedFormat, EXTENSION_FORMATS, formatOf, type InputFormat } from './formats.ts';
export { parseJsonArticle } from './json.ts';
export { JsonArticleInput } from './json-input.ts';
export { type JsonlItem, type JsonlLimits, parseJsonl } from './jsonl.ts';
export type { ArticleDraft, ParseResult } from './types.ts';

/**
 * Parses a whole file's bytes in the given format: decode (see decode.ts), then the format's parser.
 * Pure: no I/O, no clock.
 */
export function parseBuffered(
  bytes: Uint8Array,
  format: BufferedFormat,
  limits: { maxArticles: number },
): ParseResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return refused(decoded.rejection);
  switch (format) {
    case 'text':
      return parsePlainText(decoded.text);
    case 'markdown':
      return parseMarkdown(decoded.text);
    case 'html':
      return parseHtml(decoded.text);
    case 'json':
      return parseJsonDocument(decoded.text, limits.maxArticles);
  }
}
