/**
 * Messages persisted per second by the store's real handlers (each message one transaction: idempotency check,
 * upserts, cross-article merge when an article completes), for the embedded engine and PostgreSQL.
 * Synthetic articles: 5 messages each (article, 2 entities, 1 event, completion).
 *
 * Run: node services/store/scripts/bench-store.ts [articles=400] [group=128]
 *   group > 1: messages handed over `group` at a time through the group-commit batcher (as the consumers do),
 *   group = 1: one transaction per message.
 *   PostgreSQL: DATABASE_URL=postgresql://... (a database it may create tables in), else a throwaway local
 *   cluster is started from the PostgreSQL binaries when present.
 */
import { randomBytes } from 'node:crypto';
import type { AnyMessage } from '@newsflow/shared';
import { migrate } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/postgres.ts';
import type { Db } from '../src/db/types.ts';
import { createBatcher } from '../src/handlers/batcher.ts';
import { DEFAULT_MERGE_SETTINGS } from '../src/handlers/deps.ts';
import { createFeeder } from '../src/handlers/feed.ts';
import { silentLogger, syntheticArticle, tempSqlite } from '../src/testing.ts';

const ARTICLES = Number(process.argv[2] ?? 400);
const GROUP = Number(process.argv[3] ?? 128);

async function bench(name: string, db: Db): Promise<void> {
  const batcher = GROUP > 1 ? createBatcher(db, { maxBatch: GROUP, maxDelayMs: 0 }) : undefined;
  const feed = createFeeder({
    db,
    log: silentLogger(),
    settings: DEFAULT_MERGE_SETTINGS,
    ...(batcher ? { batcher } : {}),
  });
  /** Feeds in order with at most GROUP in flight, like a consume loop with that concurrency. */
  const feedAll = async (list: readonly AnyMessage[]) => {
    let next = 0;
    const worker = async () => {
      while (next < list.length) await feed(list[next++] as AnyMessage);
    };
    await Promise.all(Array.from({ length: Math.max(1, GROUP) }, worker));
  };
  const version = `bench-${randomBytes(3).toString('hex')}`;
  const messages = Array.from({ length: ARTICLES }, (_, i) => syntheticArticle(i, version)).flat();
  const t = performance.now();
  await feedAll(messages);
  const s = (performance.now() - t) / 1000;
  const dupT = performance.now();
  await feedAll(messages.slice(0, 500));
  const dupS = (performance.now() - dupT) / 1000;
  console.log(
    `${name.padEnd(28)} ${messages.length} messages in ${s.toFixed(2)} s = ${(messages.length / s).toFixed(0)} msg/s ` +
      `(${(ARTICLES / s).toFixed(0)} articles/s); redelivered duplicates ${(Math.min(500, messages.length) / dupS).toFixed(0)} msg/s`,
  );
}

const sqlite = await tempSqlite();
await bench(`embedded (node:sqlite, FULL), group ${GROUP}`, sqlite.db);
await sqlite.dispose();

let url = process.env.DATABASE_URL;
let stop: (() => Promise<void>) | undefined;
if (!url) {
  const { startPostgres } = await import('@newsflow/shared/testing');
  const pg = await startPostgres();
  url = pg.url;
  stop = pg.stop;
  console.log(
    '(PostgreSQL: throwaway local cluster with fsync=off; point DATABASE_URL at a real server for durable figures)',
  );
}
const pg = openPostgres(url);
await migrate(pg, silentLogger());
await bench(`PostgreSQL, group ${GROUP}`, pg);
await pg.close();
await stop?.();
