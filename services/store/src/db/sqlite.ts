import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { classifyDbError } from './errors.ts';
import type { Db, Queryable, SqlValue } from './types.ts';

/**
 * node:sqlite, loaded without the ExperimentalWarning Node 24 prints the first time it is loaded: every store
 * process and `newsflow query` would otherwise start with it, and it asks nothing of the user (the module's status
 * is in docs/storage.md). Only that one warning is dropped; `process.emitWarning` is restored at once.
 */
function loadNodeSqlite(): typeof import('node:sqlite') {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/^SQLite is an experimental feature/.test(text)) return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite');
  } finally {
    process.emitWarning = emit;
  }
}
const { DatabaseSync: Database } = loadNodeSqlite();

/**
 * A bare node:sqlite connection to a store file, for tools and tests that inspect or alter it beside a running
 * store (row counts, a deliberate defect), without the store's pragmas or the ExperimentalWarning.
 */
export function openSqliteFile(
  path: string,
  options: { readOnly?: boolean; timeout?: number } = {},
): DatabaseSync {
  return new Database(path, {
    readOnly: options.readOnly ?? false,
    timeout: options.timeout ?? OPEN_DEADLINE_MS,
  });
}

/** `$1` placeholders (the one SQL dialect the store writes) become SQLite's numbered `?1`. */
export function toSqlitePlaceholders(sql: string): string {
  return sql.replace(/\$(\d+)/g, '?$1');
}

function queryable(conn: DatabaseSync): Queryable {
  const cache = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = conn.prepare(toSqlitePlaceholders(sql));
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const wrap = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (err) {
      return Promise.reject(classifyDbError(err));
    }
  };
  return {
    dialect: 'sqlite',
    all: <R>(sql: string, params: readonly SqlValue[] = []) => wrap(() => prepare(sql).all(...params) as R[]),
    get: <R>(sql: string, params: readonly SqlValue[] = []) =>
      wrap(() => prepare(sql).get(...params) as R | undefined),
    run: (sql, params = []) => wrap(() => Number(prepare(sql).run(...params).changes)),
    exec: (sql) => wrap(() => conn.exec(sql)),
  };
}

const OPEN_DEADLINE_MS = 10_000;
/** WAL pages (of 4 KB) that trigger the automatic checkpoint. */
export const WAL_CHECKPOINT_PAGES = 10_000;

/**
 * Runs a start-up statement, retrying while the file is locked. SQLite does not call its busy handler when two
 * connections switch a brand-new file to WAL at the same moment (two replicas starting together), so `timeout`
 * alone does not cover it. Start-up only: the short synchronous waits block nothing else yet.
 */
function execAtStartup(conn: DatabaseSync, sql: string): void {
  const until = Date.now() + OPEN_DEADLINE_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      conn.exec(sql);
      return;
    } catch (err) {
      if ((err as { errcode?: number }).errcode !== 5 || Date.now() > until) throw err; // 5 = SQLITE_BUSY
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

function open(path: string, readOnly: boolean): DatabaseSync {
  const conn = new Database(path, { readOnly, timeout: OPEN_DEADLINE_MS });
  if (!readOnly) {
    // WAL lets the API read while the consumer writes; FULL syncs every commit, because we ack after commit.
    execAtStartup(conn, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB: pages each group rewrites (term statistics, index
    // leaves) are copied back once per checkpoint, not once per few groups (docs/performance.md).
    conn.exec(`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  }
  return conn;
}

/**
 * The embedded engine: Node's built-in SQLite, one writer connection and one reader connection on a WAL file.
 * Transactions are serialised in-process by a promise chain and across processes by BEGIN IMMEDIATE.
 */
export function openSqlite(path: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const writer = open(path, false);
  if (options.synchronous) writer.exec(`PRAGMA synchronous = ${options.synchronous}`);
  const reader = path === ':memory:' ? writer : open(path, true);
  const dataVersion = writer.prepare('PRAGMA data_version');
  const w: Queryable = {
    ...queryable(writer),
    dataVersion: () => Number((dataVersion.get() as { data_version: number }).data_version),
  };
  const r = queryable(reader);
  let chain: Promise<unknown> = Promise.resolve();

  async function runTx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      writer.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw classifyDbError(err);
    }
    try {
      const result = await fn(w);
      writer.exec('COMMIT');
      return result;
    } catch (err) {
      if (writer.isTransaction) writer.exec('ROLLBACK');
      throw classifyDbError(err);
    }
  }

  return {
    dialect: 'sqlite',
    location: path,
    ...r,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const next = chain.then(() => runTx(fn));
      chain = next.catch(() => undefined);
      return next;
    },
    async ping() {
      try {
        reader.prepare('SELECT 1').get();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await chain;
      if (reader !== writer && reader.isOpen) reader.close();
      if (writer.isOpen) writer.close();
    },
  };
}
