import { type ArticleData, type ArticleRawV1, articleIdFor, makeMessage, sha256Hex } from '@newsflow/shared';
import { detectLanguage } from './parse/language.ts';
import type { ArticleDraft } from './parse/types.ts';

/** Where an article came from (the `origin` field of the message). */
export type ArticleOrigin = ArticleData['origin'];

/** The `source` attribute of every envelope ingest publishes. */
export const INGEST_SOURCE = 'newsflow/ingest';

/**
 * Turns a parsed draft into a `news.article.raw.v1` message: the id and content hash come from the normalised
 * text (so the same text under any name is the same article), the language is detected when the input did not
 * state it, unknown fields are left out. `receivedAt` is passed in: no clock here.
 */
export function buildArticleMessage(
  draft: ArticleDraft,
  origin: ArticleOrigin,
  receivedAt: Date,
): ArticleRawV1 {
  const id = articleIdFor(draft.text);
  const language = draft.language ?? detectLanguage(draft.text);
  const data: ArticleData = {
    id,
    text: draft.text,
    receivedAt: receivedAt.toISOString(),
    origin,
    contentHash: sha256Hex(draft.text),
    byteSize: Buffer.byteLength(draft.text, 'utf8'),
    ...(draft.title ? { title: draft.title } : {}),
    ...(draft.url ? { url: draft.url } : {}),
    ...(draft.outlet ? { outlet: draft.outlet } : {}),
    ...(draft.byline ? { byline: draft.byline } : {}),
    ...(language ? { language } : {}),
    ...(draft.publishedAt ? { publishedAt: draft.publishedAt } : {}),
  };
  return makeMessage('news.article.raw.v1', {
    id,
    source: INGEST_SOURCE,
    subject: id,
    time: receivedAt,
    data,
  });
}

/** Size of a message as it goes on the wire, to compare with the stream's max message size. */
export function wireSize(message: unknown): number {
  return Buffer.byteLength(JSON.stringify(message), 'utf8');
}
