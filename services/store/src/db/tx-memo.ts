import { createVectorCache, forgetFrequencies, type VectorCache } from '../merge/vector-cache.ts';
import { chunks } from './sql.ts';
import type { Queryable } from './types.ts';

/**
 * Document frequencies and the article count, which the story step of every merge reads for hundreds of terms,
 * kept by the store's writer between its write transactions. Exact, not approximate:
 * - only saveFeatures writes those tables, always together with one new article_features row, and it updates the
 *   memo as it writes; nothing deletes them. So while article_features still has `articleCount` rows, no other
 *   process has changed a frequency since the memo learnt it: `validateTxMemo` checks this at the start of each
 *   write transaction, under the cross-process write lock, and forgets everything otherwise;
 * - a rolled-back savepoint or a failed transaction may have left values of undone writes: forget then.
 * It also keeps the parsed term counts of recently compared articles (a row of article_features never changes: an
 * article id is a hash of its text, so those stay valid whatever happens) and their TF-IDF vectors, valid while
 * the frequencies have not changed (merge/vector-cache.ts).
 *
 * The entity and event views (`entities`, `events`) are kept between transactions only where the engine proves
 * that no other connection committed in between (SQLite's data version, `Queryable.dataVersion`); elsewhere
 * (PostgreSQL) they last one transaction. Inside the writer, only storeEntity writes entity rows and canonical
 * names, only storeEvent writes events and their arguments, and only event merging writes event sources, and each
 * updates the views as it writes; nothing updates or deletes those rows otherwise. The store's only other
 * in-process writer, the outbox relay, writes the outbox alone.
 */
export interface TxMemo {
  /** Document frequency by term; 0 means the term has no row. */
  df: Map<string, number>;
  /** Rows of article_features when the memo last knew; undefined: unknown (and `df` empty). */
  articleCount: number | undefined;
  /**
   * Articles known, in the current transaction only, to have no pending completion marker: the messages of such an
   * article skip the readiness check. Only storeCompletion adds pending markers, and it removes the article from
   * here; a rollback only removes rows. Emptied when a transaction starts (other processes write in between).
   */
  settled: Set<string>;
  /** Parsed term counts and TF-IDF vectors by article id; saveFeatures and forgetting invalidate the vectors. */
  vectors: VectorCache;
  /** What the story step reads about articles' canonical entities (repo/story-views.ts). */
  entities: EntityViews;
  /** What event merging and the story step read about canonical events (repo/event-views.ts). */
  events: EventViews;
  /** `Queryable.dataVersion` at the start of the last group transaction; undefined: not known. */
  dataVersion: number | undefined;
}

/** An article's entity of a topical type, as the story step reads it. */
export interface TopicalEntity {
  canonicalId: string;
  type: string;
  /** The article's name for it, and that name's tokens (merge/text.ts nameTokensOf). */
  name: string;
  tokens: string[];
  salience: number;
}

export interface EntityViews {
  /** Every topical entity row of an article, by article id, least recently used first. */
  rows: Map<string, TopicalEntity[]>;
  /** Articles naming a canonical entity, by canonical id (topical types only). */
  df: Map<string, number>;
}

/** One event_sources row with its event's time, as event merging reads it. */
export interface SourceRow {
  canonical_event_id: string;
  event_id: string;
  article_id: string;
  time_value: string | null;
  time_resolved: number | null;
}

/** One argument of a stored event, before its canonical entity's current name is looked up. */
export interface StoredArg {
  role: string;
  text: string;
  entityId: string | null;
  canonicalId: string | null;
  /** The entity's roles, parsed. */
  roles: ReadonlyArray<{ title: string; affiliation?: string | undefined; qualifier?: string | undefined }>;
}

export interface EventViews {
  /** The canonical events (id, type) an article's events joined, by article id. */
  byArticle: Map<string, Array<{ id: string; type: string }>>;
  /** Every source of a canonical event, by canonical event id. */
  sources: Map<string, SourceRow[]>;
  /** Arguments of a stored event, by event id (event rows and their arguments never change). */
  args: Map<string, StoredArg[]>;
  /** Events kept in `args` with an argument whose entity was not stored yet, by that entity's id. */
  awaiting: Map<string, string[]>;
  /** Current name of a canonical entity, by id. */
  names: Map<string, string>;
}

/** Entries kept in each map of the event views before they start over: bounds memory. */
export const MAX_EVENT_VIEW_ENTRIES = 50_000;

/** Articles whose entity rows are kept, and canonical entities whose frequencies are: bounds memory. */
export const MAX_ENTITY_ARTICLES = 5000;
export const MAX_ENTITY_FREQUENCIES = 200_000;

/** Beyond this many terms the memo starts over (bounds memory; a vocabulary grows without end). */
const MAX_TERMS = 500_000;

export function createTxMemo(): TxMemo {
  return {
    df: new Map(),
    articleCount: undefined,
    settled: new Set(),
    vectors: createVectorCache(),
    entities: { rows: new Map(), df: new Map() },
    events: {
      byArticle: new Map(),
      sources: new Map(),
      args: new Map(),
      awaiting: new Map(),
      names: new Map(),
    },
    dataVersion: undefined,
  };
}

/** Forgets the entity and event views. */
function forgetEntities(memo: TxMemo): void {
  memo.entities.rows.clear();
  memo.entities.df.clear();
  for (const map of Object.values(memo.events)) map.clear();
}

function viewsTooLarge(memo: TxMemo): boolean {
  return (
    memo.entities.df.size > MAX_ENTITY_FREQUENCIES ||
    Object.values(memo.events).some((map) => map.size > MAX_EVENT_VIEW_ENTRIES)
  );
}

/**
 * Drops the frequencies, the count and the entity and event views (after a rollback or a failed transaction);
 * parsed term counts stay valid.
 */
export function forgetTxMemo(memo: TxMemo): void {
  memo.settled.clear();
  memo.dataVersion = undefined;
  forgetCounts(memo);
  forgetEntities(memo);
}

/** Drops the document frequencies and the article count (the vectors computed from them go stale). */
function forgetCounts(memo: TxMemo): void {
  memo.df.clear();
  memo.articleCount = undefined;
  forgetFrequencies(memo.vectors);
}

/**
 * At the start of a write transaction: keeps the frequencies only if no other process added an article since, and
 * the entity views only if no other connection wrote at all (where the engine can tell).
 */
export async function validateTxMemo(tx: Queryable, memo: TxMemo): Promise<void> {
  memo.settled.clear();
  const version = tx.dataVersion?.();
  const alone = version !== undefined && version === memo.dataVersion;
  memo.dataVersion = version;
  if (!alone || viewsTooLarge(memo)) forgetEntities(memo);
  if (memo.articleCount === undefined || memo.df.size > MAX_TERMS) return forgetCounts(memo);
  if (alone) return;
  if ((await countFeatureArticles(tx)) !== memo.articleCount) forgetCounts(memo);
}

/** The number of articles with features, read from the database (the memo keeps it as `articleCount`). */
export async function countFeatureArticles(q: Queryable): Promise<number> {
  const row = await q.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM article_features');
  return Number(row?.n ?? 0);
}

/**
 * Values for `ids` (each once): those `kept` holds come from it, the others are read by `read`, 500 ids at a time,
 * and added to `kept`. `read` answers for the ids it knows; an id it leaves out has no value. Without `kept` (no
 * writer memo) everything is read.
 */
export async function readThrough<V>(
  ids: Iterable<string>,
  kept: Map<string, V> | undefined,
  read: (ids: string[]) => Promise<Map<string, V>>,
): Promise<Map<string, V>> {
  const out = new Map<string, V>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const value = kept?.get(id);
    if (value === undefined) missing.push(id);
    else out.set(id, value);
  }
  for (const part of chunks(missing, 500)) {
    for (const [id, value] of await read(part)) {
      out.set(id, value);
      kept?.set(id, value);
    }
  }
  return out;
}

/** `rows` as one list per id of `ids` (empty when it has none), in row order, each row as `value` makes it. */
export function listsById<R, V>(
  ids: readonly string[],
  rows: readonly R[],
  idOf: (row: R) => string,
  value: (row: R) => V,
): Map<string, V[]> {
  const out = new Map<string, V[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(idOf(r))?.push(value(r));
  return out;
}
