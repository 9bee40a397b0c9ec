import { type ArticleRejectedV1, deriveId, makeMessage, type RejectionData } from '@newsflow/shared';
import { INGEST_SOURCE } from './article.ts';
import type { Rejection } from './errors.ts';

/** What was refused and how it arrived; `input` is the inbox-relative path, a CLI path or `http`. */
export interface RejectedInput {
  input: string;
  origin: RejectionData['origin'];
  failedPath?: string;
  byteSize?: number;
  /** Hash of the input's bytes when known, so two different files with one name get two rejection ids. */
  contentHash?: string;
}

/**
 * A `news.article.rejected.v1` message. Its id is derived from the input, line, reason and content, so a
 * rejection re-published after a crash is dropped by the server's duplicate window.
 */
export function buildRejectionMessage(
  rejection: Rejection,
  what: RejectedInput,
  now: Date,
): ArticleRejectedV1 {
  const line = rejection.line ?? (rejection.index !== undefined ? rejection.index + 1 : undefined);
  const id = deriveId(
    'rej',
    what.origin,
    what.input,
    String(line ?? ''),
    rejection.code,
    what.contentHash ?? '',
  );
  const message =
    rejection.index !== undefined ? `item ${rejection.index}: ${rejection.message}` : rejection.message;
  return makeMessage('news.article.rejected.v1', {
    id,
    source: INGEST_SOURCE,
    time: now,
    data: {
      input: what.input,
      origin: what.origin,
      reason: rejection.code,
      message: message.slice(0, 4000),
      rejectedAt: now.toISOString(),
      ...(rejection.line !== undefined ? { line: rejection.line } : {}),
      ...(what.failedPath ? { failedPath: what.failedPath } : {}),
      ...(what.byteSize !== undefined ? { byteSize: what.byteSize } : {}),
    },
  });
}
