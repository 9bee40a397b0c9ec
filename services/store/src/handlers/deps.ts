import type { Logger } from '@newsflow/shared';
import type { Db } from '../db/types.ts';
import type { StoreMetrics } from '../metrics.ts';
import type { MergeSettings } from '../repo/finalize.ts';
import type { Batcher } from './batcher.ts';

/** What the message handlers need; tests build the real thing with a real database. */
export interface HandlerDeps {
  db: Db;
  log: Logger;
  settings: MergeSettings;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  metrics?: StoreMetrics;
  /** Group commit of concurrently handled messages; without it each message is a transaction of its own. */
  batcher?: Batcher;
  /** Called after a commit that wrote story updates into the outbox (the relay publishes them). */
  onStoryUpdates?: () => void;
}

/** Default merge settings; `eval-stories.ts` measured the story threshold (docs/storage.md). */
export const DEFAULT_MERGE_SETTINGS: MergeSettings = {
  eventWindowDays: 3,
  candidateArticles: 50,
  storyThreshold: 0.15,
  entityWeight: 0.4,
  maxStoryMembers: 30,
  mergeSimilarStories: true,
  splitStories: true,
  nameConflictFactor: 0.3,
};
