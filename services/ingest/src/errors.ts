import type { REJECTION_REASONS } from '@newsflow/shared';

/**
 * Why an input was refused: the shared reason vocabulary of `news.articles.rejected`, also used in
 * `<name>.error.json`, in HTTP 4xx bodies and as the `reason` label of the rejection metric.
 */
export type RejectionCode = (typeof REJECTION_REASONS)[number];

/** Why one input (a file, a JSONL line, an item of a JSON/HTTP array) was refused. */
export interface Rejection {
  code: RejectionCode;
  /** Human-readable detail: what was wrong and, where possible, how to fix it. */
  message: string;
  /** 1-based line of a JSONL file, when relevant. */
  line?: number;
  /** 0-based index in a JSON array or HTTP array, when relevant. */
  index?: number;
}

/** Builds a {@link Rejection}. */
export function reject(
  code: RejectionCode,
  message: string,
  where: { line?: number; index?: number } = {},
): Rejection {
  return { code, message, ...where };
}

/** Publishing to JetStream failed (no ack, timeout, connection lost). Retryable: the file stays in the inbox. */
export class PublishFailedError extends Error {
  override name = 'PublishFailedError';
  readonly retryable = true;
}

/** Moving a file to processed/ or failed/ failed. Retryable: the next scan picks the file up again. */
export class MoveFailedError extends Error {
  override name = 'MoveFailedError';
  readonly retryable = true;
}

/** Work was cut short by shutdown; the input stays where it was and is read again at the next start. */
export class ShutdownError extends Error {
  override name = 'ShutdownError';
  readonly retryable = true;
}
