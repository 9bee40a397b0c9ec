import { RetryableError } from '@newsflow/shared';

/** SQLite errors that go away on their own (another writer holds the lock, disk momentarily full). */
const SQLITE_TRANSIENT = /SQLITE_BUSY|SQLITE_LOCKED|database is locked|SQLITE_FULL|SQLITE_IOERR/;

/** PostgreSQL SQLSTATE classes and codes worth retrying: connection, serialisation, deadlock, shutdown. */
const PG_TRANSIENT_CODES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300', '53400']);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Wraps transient database failures in RetryableError (the message is redelivered); others pass through. */
export function classifyDbError(err: unknown): unknown {
  const e = err as { code?: string; message?: string; errcode?: number };
  const code = typeof e?.code === 'string' ? e.code : '';
  const transient =
    PG_TRANSIENT_CODES.has(code) ||
    code.startsWith('08') ||
    NET_CODES.has(code) ||
    SQLITE_TRANSIENT.test(String(e?.message ?? '')) ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      String(e?.message ?? ''),
    );
  return transient ? new RetryableError(`database: ${e?.message ?? String(err)}`, { cause: err }) : err;
}
