import { boolVar, durationVar, intVar, loadConfig, natsConfigSchema } from '@newsflow/shared';
import { z } from 'zod';
import type { MergeSettings } from './repo/finalize.ts';

/** The store's environment: NATS settings plus storage, API and merging settings. */
export const storeConfigSchema = natsConfigSchema.extend({
  /** PostgreSQL connection URL; when unset the embedded SQLite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Directory of the embedded database (`newsflow.db`). */
  NEWSFLOW_DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection pool size. */
  NEWSFLOW_DB_POOL_SIZE: intVar(4, 1),
  /**
   * Embedded engine durability: FULL (default) syncs every commit, so an acknowledged message survives a power cut;
   * NORMAL (safe with WAL against process crashes) skips that fsync and may lose the last commits on power loss.
   */
  NEWSFLOW_SQLITE_SYNCHRONOUS: z
    .enum(['FULL', 'NORMAL', 'full', 'normal'])
    .default('FULL')
    .transform((v) => v.toUpperCase() as 'FULL' | 'NORMAL'),
  NEWSFLOW_API_HOST: z.string().min(1).default('127.0.0.1'),
  /** HTTP port of the query API (0 picks a free port). */
  NEWSFLOW_API_PORT: intVar(8080, 0),
  /** When set, every /v1 request needs `Authorization: Bearer <token>`. */
  NEWSFLOW_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Set to false to run the query API only (no consumers), e.g. a read replica against PostgreSQL. */
  NEWSFLOW_STORE_CONSUME: boolVar(true),
  /**
   * Messages handled at once per consumer. Messages in flight together are committed together (group commit), so
   * this bounds the group size too.
   */
  NEWSFLOW_STORE_CONCURRENCY: intVar(64, 1),
  /** Most messages committed in one group transaction (1 turns group commit off: a transaction per message). */
  NEWSFLOW_STORE_BATCH_SIZE: intVar(128, 1),
  /** Longest a message waits for others to share its transaction while none is running (0ms: this event-loop turn). */
  NEWSFLOW_STORE_BATCH_DELAY: durationVar('0ms'),
  /** Deliveries before a failing message is dead-lettered. */
  NEWSFLOW_STORE_MAX_DELIVER: intVar(5, 1),
  /** How long a delivered message may stay unacknowledged before redelivery (after a crash, for example). */
  NEWSFLOW_STORE_ACK_WAIT: durationVar('30s'),
  /** Largest gap, in days, between the times two reports give for one event. */
  NEWSFLOW_EVENT_WINDOW_DAYS: intVar(3, 0),
  /** Average-link similarity (0..1) an article needs to join an existing story. */
  NEWSFLOW_STORY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.15),
});
export type StoreConfig = z.infer<typeof storeConfigSchema>;

/** Validates the environment; throws a ConfigError naming each bad variable. */
export function loadStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  return loadConfig(storeConfigSchema, env);
}

/** Merge settings from the configuration; the rest keep their measured defaults. */
export function mergeSettingsFrom(config: StoreConfig, defaults: MergeSettings): MergeSettings {
  return {
    ...defaults,
    eventWindowDays: config.NEWSFLOW_EVENT_WINDOW_DAYS,
    storyThreshold: config.NEWSFLOW_STORY_THRESHOLD,
  };
}
