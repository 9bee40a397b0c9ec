import { createVectorCache, forgetFrequencies, type VectorCache } from '../merge/vector-cache.ts';
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
}

/** Beyond this many terms the memo starts over (bounds memory; a vocabulary grows without end). */
const MAX_TERMS = 500_000;

export function createTxMemo(): TxMemo {
  return { df: new Map(), articleCount: undefined, settled: new Set(), vectors: createVectorCache() };
}

/** Drops the frequencies and the count (after a rollback or a failed transaction); parsed term counts stay valid. */
export function forgetTxMemo(memo: TxMemo): void {
  memo.settled.clear();
  memo.df.clear();
  memo.articleCount = undefined;
  forgetFrequencies(memo.vectors);
}

/** At the start of a write transaction: keeps the memo only if no other process added an article since. */
export async function validateTxMemo(tx: Queryable, memo: TxMemo): Promise<void> {
  memo.settled.clear();
  if (memo.articleCount === undefined || memo.df.size > MAX_TERMS) return forgetTxMemo(memo);
  const row = await tx.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM article_features');
  if (Number(row?.n ?? 0) !== memo.articleCount) forgetTxMemo(memo);
}
