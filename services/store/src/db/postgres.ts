import pg from 'pg';
import { classifyDbError } from './errors.ts';
import type { Db, LockName, Queryable, SqlValue } from './types.ts';

/**
 * BEGIN plus the transaction-scoped advisory lock that serialises writers (key 0x6e777301, "nwsf" + 1) or
 * migrations (0x6e777302), sent as one simple-protocol query: one round trip per write transaction instead of two.
 */
const BEGIN_LOCKED: Record<LockName, string> = {
  write: 'BEGIN; SELECT pg_advisory_xact_lock(1853321985)',
  migrate: 'BEGIN; SELECT pg_advisory_xact_lock(1853321986)',
};

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  const q = async <R>(sql: string, params: readonly SqlValue[]) => {
    try {
      return (await client.query(sql, params as SqlValue[])) as unknown as {
        rows: R[];
        rowCount: number | null;
      };
    } catch (err) {
      throw classifyDbError(err);
    }
  };
  return {
    dialect: 'postgres',
    all: async <R>(sql: string, params: readonly SqlValue[] = []) => (await q<R>(sql, params)).rows,
    get: async <R>(sql: string, params: readonly SqlValue[] = []) => (await q<R>(sql, params)).rows[0],
    run: async (sql, params = []) => (await q(sql, params)).rowCount ?? 0,
    exec: async (sql) => {
      try {
        await client.query(sql);
      } catch (err) {
        throw classifyDbError(err);
      }
    },
  };
}

/** Host/port/database of a connection URL, without credentials, for logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.host}${u.pathname}`;
  } catch {
    return 'postgresql://(unparseable url)';
  }
}

/**
 * PostgreSQL through a `pg` pool. Each write transaction first takes a transaction-scoped advisory lock, so
 * replicas never interleave read-merge-write steps; the lock is released at commit or rollback.
 */
export function openPostgres(url: string, options: { poolSize?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const reads = queryable(pool);
  return {
    dialect: 'postgres',
    location: describeUrl(url),
    ...reads,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, lock: LockName = 'write'): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw classifyDbError(err);
      }
      const tx = queryable(client);
      let broken = false;
      // A connection lost while checked out emits 'error' on the client; unhandled, it would crash the process.
      // The failing query rejects anyway (RetryableError); the client is then discarded, not returned to the pool.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await tx.exec(BEGIN_LOCKED[lock]);
        const result = await fn(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw classifyDbError(err);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
