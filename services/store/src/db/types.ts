import type { TxMemo } from './tx-memo.ts';

/** A value bound to a SQL parameter. Booleans are stored as 0/1 and timestamps as ISO strings in both engines. */
export type SqlValue = string | number | null;

/** Runs parameterised SQL (`$1`, `$2` ... placeholders in both dialects). */
export interface Queryable {
  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  /** Runs a statement; resolves to the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Set on a write transaction that memoises what its steps re-read (group commit does). */
  readonly memo?: TxMemo;
  /** The engine behind it, where a step writes differently for one (sql.ts `runAll`). */
  readonly dialect?: Dialect;
  /**
   * SQLite write transactions only: SQLite's `PRAGMA data_version` of the writer connection, a number that changes
   * whenever another connection (another process, another replica) has committed since it was last read. The
   * writer's memo uses it to prove that nobody else wrote between two of its transactions.
   */
  readonly dataVersion?: () => number;
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * The store's data-access layer. Reads run outside transactions; every write runs in `transaction`, which is
 * serialised across processes (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so the
 * read-merge-write steps of cross-article merging never race with another replica.
 */
export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** Where the data lives, for logs (a path, or the host/database with no password). */
  readonly location: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>, lock?: LockName): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Named cross-process locks taken at the start of a transaction. */
export type LockName = 'write' | 'migrate';
