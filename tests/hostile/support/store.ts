import { buildApi, createMetrics, type Db } from '@newsflow/store';
import { DEFAULT_MERGE_SETTINGS } from '../../../services/store/src/handlers/deps.ts';
import { createFeeder } from '../../../services/store/src/handlers/feed.ts';
import {
  type Engine,
  seedMessages,
  silentLogger,
  snapshot,
  syntheticArticle,
  tempDatabase,
} from '../../../services/store/src/testing.ts';

/** The store's query API over a real database (embedded SQLite or PostgreSQL) holding known fixture rows. */
export interface RunningStoreApi {
  url: string;
  db: Db;
  /** Row counts of every table, for "tables intact" checks. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * Starts the API (the store's own `buildApi`, listening on a free port) over a fresh database fed, through the
 * store's handlers, with the two seed articles and `synthetic` generated ones.
 */
export async function startStoreApi(
  engine: Engine,
  adminUrl: string,
  options: { token?: string; synthetic?: number } = {},
): Promise<RunningStoreApi> {
  const t = await tempDatabase(engine, adminUrl);
  const feed = createFeeder({ db: t.db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS });
  for (const m of seedMessages()) await feed(m);
  for (let i = 0; i < (options.synthetic ?? 0); i++) for (const m of syntheticArticle(i)) await feed(m);
  const app = buildApi({ db: t.db, log: silentLogger(), metrics: createMetrics(), token: options.token });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db: t.db,
    counts: async () => (await snapshot(t.db)).counts as Record<string, number>,
    async close() {
      await app.close();
      await t.dispose();
    },
  };
}
