import { reject } from '../errors.ts';
import { splitDateLine } from './date-line.ts';
import { normaliseField, normaliseText } from './normalise.ts';
import { splitTrailingSource } from './source-line.ts';
import { looksLikeTitle } from './title.ts';
import { type ArticleDraft, type ParseResult, parsed, refused } from './types.ts';

/** Fields a caller already knows (from markdown front matter or a heading) and that win over guesses. */
export type KnownFields = Partial<Omit<ArticleDraft, 'text'>>;

/**
 * Parses plain news text: a trailing `Source: URL` / `Original Source: host` line becomes url/outlet and leaves
 * the body; a date line near the top (`May 3, 2013 4:59 PM EDT`) becomes the publication time and leaves the body;
 * the first line becomes the title only when it looks like one (see {@link looksLikeTitle}).
 */
export function parsePlainText(raw: string, known: KnownFields = {}): ParseResult {
  const source = splitTrailingSource(normaliseText(raw));
  // Before the title: a date line above the headline would otherwise be taken for it.
  const dated = splitDateLine(source.body);
  let body = dated.body;
  let title = known.title ?? null;
  if (title === null) {
    const newline = body.indexOf('\n');
    const first = newline === -1 ? body : body.slice(0, newline);
    const rest = newline === -1 ? '' : body.slice(newline + 1);
    if (looksLikeTitle(first, rest)) {
      title = normaliseField(first);
      body = rest;
    }
  }
  const text = normaliseText(body);
  if (text === '')
    return refused(reject('empty', 'no article text left after removing title and source line'));
  const draft: ArticleDraft = {
    title,
    text,
    url: known.url ?? source.url,
    outlet: known.outlet ?? source.outlet,
    byline: known.byline ?? null,
    language: known.language ?? null,
    publishedAt: known.publishedAt ?? dated.publishedAt,
  };
  return parsed([draft]);
}
