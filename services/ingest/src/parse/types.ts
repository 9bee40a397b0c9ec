import type { Rejection } from '../errors.ts';

/**
 * What a parser extracts from one input, before ids and provenance are added.
 * `text` is already normalised (see normalise.ts); everything else is null when unknown.
 */
export interface ArticleDraft {
  title: string | null;
  text: string;
  url: string | null;
  outlet: string | null;
  byline: string | null;
  /** ISO 639-1 code ("en"), from the input or detected. */
  language: string | null;
  /** ISO 8601 timestamp with offset, when the input states one. */
  publishedAt: string | null;
}

/**
 * A parser's answer: the articles found, or why the whole input was refused. Inputs holding many articles
 * (a JSON array, a JSONL file) may also refuse single items while keeping the rest (`itemRejections`).
 */
export type ParseResult =
  | { ok: true; articles: ArticleDraft[]; itemRejections: Rejection[] }
  | { ok: false; rejection: Rejection };

/** Builds a successful {@link ParseResult}. */
export const parsed = (articles: ArticleDraft[], itemRejections: Rejection[] = []): ParseResult => ({
  ok: true,
  articles,
  itemRejections,
});

/** Builds a failed {@link ParseResult}. */
export const refused = (rejection: Rejection): ParseResult => ({ ok: false, rejection });
