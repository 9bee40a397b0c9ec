import { REJECTION_REASONS } from '@newsflow/shared';
import fc from 'fast-check';
import type { Rejection } from '../../../services/ingest/src/errors.ts';
import type { ArticleDraft, ParseResult } from '../../../services/ingest/src/parse/types.ts';

const REASONS = new Set<string>(REJECTION_REASONS);
/** Control characters that mark binary data (the decoder's own definition, decode.ts). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
export const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/** Throws unless `r` is a rejection with a known reason code and a message. */
export function checkRejection(r: Rejection): void {
  if (!REASONS.has(r.code)) throw new Error(`unknown rejection code ${JSON.stringify(r.code)}`);
  if (typeof r.message !== 'string' || r.message.length === 0)
    throw new Error(`rejection ${r.code} without a message`);
}

/** Throws unless a draft carries non-empty NFC text (and an NFC title when it has one). */
export function checkArticle(a: ArticleDraft, opts: { noControl?: boolean } = {}): void {
  if (typeof a.text !== 'string' || a.text.trim() === '') throw new Error('article with empty text');
  if (a.text !== a.text.normalize('NFC')) throw new Error('article text is not NFC');
  if (a.title !== null && a.title !== a.title.normalize('NFC')) throw new Error('title is not NFC');
  if (opts.noControl && CONTROL.test(a.text))
    throw new Error(`control character in text ${JSON.stringify(a.text)}`);
}

/**
 * Throws unless `r` is a well-formed answer: either articles (and/or item rejections, never nothing at all), or
 * one rejection of the whole input; every rejection has a known reason and a message.
 */
export function checkResult(r: ParseResult, opts: { noControl?: boolean } = {}): void {
  if (!r.ok) {
    checkRejection(r.rejection);
    return;
  }
  if (r.articles.length + r.itemRejections.length === 0)
    throw new Error('ok result with neither articles nor rejections');
  for (const a of r.articles) checkArticle(a, opts);
  for (const rej of r.itemRejections) checkRejection(rej);
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Any Unicode text, including combining marks, invisible characters, astral characters and (`binary`) lone surrogates. */
export const anyText = (maxLength = 400) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'grapheme-composite', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom('e', '\u0301', 'A', '\u030a', 'ﬁ', '\u212b', ' ', '\n', '\r', '\u00a0', '\u200b'),
      maxLength,
    }),
  );

/** A value nested `depth` levels deep, built without recursion (`[[[...]]]` or `{"a":{"a":...}}`). */
export function deeplyNested(depth: number, kind: 'array' | 'object', leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** The same nesting as JSON text, built as a string (JSON.stringify itself recurses). */
export function deeplyNestedJson(depth: number, kind: 'array' | 'object', leaf = '1'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}
