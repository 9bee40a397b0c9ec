import { createTxMemo, forgetTxMemo, validateTxMemo } from '../db/tx-memo.ts';
import type { Db, Queryable } from '../db/types.ts';

/** When a group transaction is committed. */
export interface BatchSettings {
  /** Most messages committed together; a full batch starts at once. */
  maxBatch: number;
  /**
   * Longest a message waits for company while no group transaction runs (0: until the end of the current
   * event-loop turn, so everything the consume loops handed over together is committed together).
   */
  maxDelayMs: number;
}

/** A message's work inside a group transaction. */
export type Work<T> = (tx: Queryable) => Promise<T>;

export interface Batcher {
  /**
   * Runs `work` in the next group transaction, inside a savepoint of its own: when it fails, only its own writes
   * are rolled back and the promise rejects, while the rest of the batch commits. Resolves after the commit.
   */
  run<T>(work: Work<T>): Promise<T>;
  /** Resolves when everything handed over so far is committed (or has failed). */
  idle(): Promise<void>;
}

/** Observes each committed group: how many messages it held and how many of them failed. */
export type BatchObserver = (batch: { size: number; failed: number; seconds: number }) => void;

interface Item {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: the messages the consume loops hand over concurrently are applied one after another, in arrival
 * order, in ONE transaction, and every one's promise settles after that single COMMIT (so the loop still acks only
 * durable work). One group transaction runs at a time; what arrives meanwhile forms the next group. One fsync
 * (SQLite) or one BEGIN/lock/COMMIT round trip set (PostgreSQL) is shared by the whole group.
 *
 * Each message runs in a savepoint `m` (`RELEASE m; SAVEPOINT m` between messages, one statement); a failing
 * message is rolled back to it alone. A failure of the transaction itself (BEGIN, a savepoint statement, COMMIT:
 * a lost connection, a locked file) rejects every message of the group, and nothing of it is committed.
 *
 * The transaction carries the writer's memo of document frequencies (db/tx-memo.ts), checked at the start of each
 * group and forgotten after any rollback. With SQLite the group runs synchronously on the event loop: a large
 * group delays other work of the process (API requests) until its commit.
 */
export function createBatcher(db: Db, settings: BatchSettings, observe?: BatchObserver): Batcher {
  const maxBatch = Math.max(1, Math.trunc(settings.maxBatch));
  const memo = createTxMemo();
  let queue: Item[] = [];
  let running: Promise<void> | undefined;
  /** Cancels the scheduled start of the next group, if one is scheduled. */
  let cancelTimer: (() => void) | undefined;
  const idleWaiters: Array<() => void> = [];

  function startIn(ms: number): void {
    if (cancelTimer) return;
    if (ms > 0) {
      const t = setTimeout(fire, ms);
      cancelTimer = () => clearTimeout(t);
    } else {
      const t = setImmediate(fire);
      cancelTimer = () => clearImmediate(t);
    }
  }

  function fire(): void {
    cancelTimer = undefined;
    if (!running && queue.length > 0) start();
  }

  function start(): void {
    cancelTimer?.();
    cancelTimer = undefined;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    running = commit(batch).finally(() => {
      running = undefined;
      if (queue.length >= maxBatch) start();
      // These waited for the whole previous group: no further delay, but let this turn's I/O hand over more.
      else if (queue.length > 0) startIn(0);
      else for (const w of idleWaiters.splice(0)) w();
    });
  }

  async function commit(batch: readonly Item[]): Promise<void> {
    const started = process.hrtime.bigint();
    let outcomes: Outcome[] = [];
    try {
      await db.transaction(async (plain) => {
        outcomes = [];
        await validateTxMemo(plain, memo);
        const tx: Queryable = { ...plain, memo };
        if (batch.length === 1) {
          // Alone in its transaction: a failure rolls back the transaction, which is the same thing.
          outcomes.push({ ok: true, value: await (batch[0] as Item).work(tx) });
          return;
        }
        await tx.exec('SAVEPOINT m');
        for (const [i, item] of batch.entries()) {
          try {
            const value = await item.work(tx);
            outcomes.push({ ok: true, value });
            // COMMIT releases the last savepoint.
            if (i < batch.length - 1) await tx.exec('RELEASE SAVEPOINT m; SAVEPOINT m');
          } catch (error) {
            // Leaves savepoint m in place, empty, for the next message. If this fails too, the transaction is
            // unusable (connection lost): the whole group fails.
            await tx.exec('ROLLBACK TO SAVEPOINT m');
            forgetTxMemo(memo);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (err) {
      forgetTxMemo(memo);
      for (const item of batch) item.reject(err);
      observe?.({ size: batch.length, failed: batch.length, seconds: secondsSince(started) });
      return;
    }
    let failed = 0;
    for (const [i, item] of batch.entries()) {
      const o = outcomes[i] as Outcome;
      if (o.ok) item.resolve(o.value);
      else {
        failed++;
        item.reject(o.error);
      }
    }
    observe?.({ size: batch.length, failed, seconds: secondsSince(started) });
  }

  return {
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (running) return;
        if (queue.length >= maxBatch) start();
        else startIn(settings.maxDelayMs);
      });
    },
    idle(): Promise<void> {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
