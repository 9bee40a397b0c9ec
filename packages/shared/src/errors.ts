/**
 * Errors shared by every service. `retryable` tells the consume loop whether to redeliver (nak with backoff)
 * or to give up at once (terminate and dead-letter).
 */
export class NewsflowError extends Error {
  override name = 'NewsflowError';
  readonly retryable: boolean = false;
}

/** Configuration is missing or malformed; the message names the variable. */
export class ConfigError extends NewsflowError {
  override name = 'ConfigError';
}

/** A message failed schema validation: never retried, dead-lettered. */
export class InvalidMessageError extends NewsflowError {
  override name = 'InvalidMessageError';
}

/** A transient failure (database briefly down, broker timeout): the message is redelivered later. */
export class RetryableError extends NewsflowError {
  override name = 'RetryableError';
  override readonly retryable = true;
}

/** Work that will fail on every attempt (a poison message): dead-lettered at once. */
export class PermanentError extends NewsflowError {
  override name = 'PermanentError';
}

/** True when an error (or one it wraps) is marked retryable. */
export function isRetryable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e instanceof NewsflowError) return e.retryable;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** True when retrying cannot help: the message is invalid or the handler said the failure is permanent. */
export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentError || err instanceof InvalidMessageError;
}
