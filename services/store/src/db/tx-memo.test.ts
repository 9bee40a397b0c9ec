import { join } from 'node:path';
import type { AnyMessage } from '@newsflow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createBatcher } from '../handlers/batcher.ts';
import { DEFAULT_MERGE_SETTINGS } from '../handlers/deps.ts';
import { createFeeder } from '../handlers/feed.ts';
import { loadDf, loadVectors, saveFeatures } from '../repo/features.ts';
import { entityMarks } from '../repo/story-views.ts';
import { silentLogger, syntheticArticle, tempSqlite } from '../testing.ts';
import { openSqlite } from './sqlite.ts';
import { createTxMemo, validateTxMemo } from './tx-memo.ts';
import type { Db, Queryable } from './types.ts';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of disposers.splice(0)) await d();
});

async function database(): Promise<Db> {
  const t = await tempSqlite();
  disposers.push(t.dispose);
  return t.db;
}

/** A migrated database and a second connection to the same file (another store process). */
async function twoConnections(): Promise<{ db: Db; other: Db }> {
  const t = await tempSqlite();
  const other = openSqlite(join(t.dir, 'newsflow.db'));
  disposers.push(async () => {
    await other.close();
    await t.dispose();
  });
  return { db: t.db, other };
}

const articleIdOf = (messages: readonly AnyMessage[]) => (messages[0] as AnyMessage).id;

const TERMS = ['water', 'minister', 'river', 'never-seen'];

describe('the writer memo of document frequencies (embedded engine)', () => {
  it('answers as the database does after the transaction wrote more articles', async () => {
    const db = await database();
    const memo = createTxMemo();
    const inMemo = (tx: Queryable): Queryable => ({ ...tx, memo });
    await db.transaction(async (tx) => {
      await saveFeatures(inMemo(tx), 'a1', 'The minister spoke about water.');
      await loadDf(inMemo(tx), TERMS); // fills the memo
      await saveFeatures(inMemo(tx), 'a2', 'Water levels in the river rose.');
    });
    const remembered = await db.transaction(async (tx) => {
      await validateTxMemo(tx, memo);
      return loadDf(inMemo(tx), TERMS);
    });
    expect(memo.articleCount).toBe(2);
    expect(remembered).toEqual(await loadDf(db, TERMS));
  });

  it('forgets everything when another writer added an article since', async () => {
    const db = await database();
    const memo = createTxMemo();
    await db.transaction(async (tx) => {
      await saveFeatures(tx, 'a1', 'The minister spoke about water.');
      await loadDf({ ...tx, memo }, TERMS);
    });
    expect(memo.df.size).toBeGreaterThan(0);
    // A writer without this memo (another process): the memo's frequencies are now stale.
    await db.transaction((tx) => saveFeatures(tx, 'a2', 'Water levels in the river rose.'));
    await db.transaction((tx) => validateTxMemo(tx, memo));
    expect(memo.df.size).toBe(0);
    expect(memo.articleCount).toBeUndefined();
  });

  it('gives the same TF-IDF vectors as the database, reusing them until an article is added', async () => {
    const db = await database();
    const memo = createTxMemo();
    const inMemo = (tx: Queryable): Queryable => ({ ...tx, memo });
    const ids = ['a1', 'a2', 'a3', 'none'];
    await db.transaction(async (tx) => {
      await saveFeatures(inMemo(tx), 'a1', 'The minister spoke about water in Paris.');
      await saveFeatures(inMemo(tx), 'a2', 'Water levels in the river rose, Paris officials said in 2013.');
    });
    const first = await db.transaction(async (tx) => {
      await validateTxMemo(tx, memo);
      return loadVectors(inMemo(tx), ids);
    });
    expect(first).toEqual(await loadVectors(db, ids));
    const again = await db.transaction((tx) => loadVectors(inMemo(tx), ids));
    expect(again.get('a1')).toBe(first.get('a1')); // reused: nothing changed
    const after = await db.transaction(async (tx) => {
      await saveFeatures(inMemo(tx), 'a3', 'The river minister resigned.');
      return loadVectors(inMemo(tx), ids);
    });
    expect(after.get('a1')).not.toBe(first.get('a1'));
    expect(after).toEqual(await loadVectors(db, ids));
    expect(after.has('none')).toBe(false);
  });
});

describe("the writer memo of the story step's entity views (embedded engine)", () => {
  const articles = Array.from({ length: 24 }, (_, i) => syntheticArticle(i));
  const ids = articles.map(articleIdOf);

  it('answers as the database does while group transactions store more entities, reusing what it read', async () => {
    const db = await database();
    const batcher = createBatcher(db, { maxBatch: 1000, maxDelayMs: 0 });
    const feed = createFeeder({ db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS, batcher });
    const inGroup = (list: readonly string[]) => batcher.run((tx) => entityMarks(tx, list));
    for (const [i, messages] of articles.entries()) {
      await Promise.all(messages.map((m) => feed(m)));
      // Read through the memo (some articles not stored yet), then compare with a read without it.
      const seen = ids.slice(0, i + 3);
      expect(await inGroup(seen)).toEqual(await entityMarks(db, seen));
    }
    const first = await inGroup(ids);
    const again = await inGroup(ids);
    const [article, marks] = [...first][0] as [string, Map<string, { tokens: readonly string[] }>];
    const [canonical, mark] = [...marks][0] as [string, { tokens: readonly string[] }];
    expect(again.get(article)?.get(canonical)?.tokens).toBe(mark.tokens); // kept, not read again
  });

  it('forgets them when another connection wrote entities between two group transactions', async () => {
    const { db, other } = await twoConnections();
    const batcher = createBatcher(db, { maxBatch: 1000, maxDelayMs: 0 });
    const feed = createFeeder({ db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS, batcher });
    const elsewhere = createFeeder({ db: other, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS });
    for (const m of articles.slice(0, 12).flat()) await feed(m);
    const before = await batcher.run((tx) => entityMarks(tx, ids));
    // The other process stores articles naming the same people and towns: their frequencies change.
    for (const m of articles.slice(12).flat()) await elsewhere(m);
    const after = await batcher.run((tx) => entityMarks(tx, ids));
    expect(after).toEqual(await entityMarks(db, ids));
    expect(after).not.toEqual(before);
  });

  it('forgets the document frequencies when another connection added an article', async () => {
    const { db, other } = await twoConnections();
    const memo = createTxMemo();
    const inMemo = (tx: Queryable): Queryable => ({ ...tx, memo });
    await db.transaction(async (tx) => {
      await validateTxMemo(tx, memo);
      await saveFeatures(inMemo(tx), 'a1', 'The minister spoke about water.');
      await loadDf(inMemo(tx), TERMS);
    });
    await other.transaction((tx) => saveFeatures(tx, 'a2', 'Water levels in the river rose.'));
    const remembered = await db.transaction(async (tx) => {
      await validateTxMemo(tx, memo);
      return loadDf(inMemo(tx), TERMS);
    });
    expect(remembered).toEqual(await loadDf(db, TERMS));
    expect(remembered.n).toBe(2);
  });
});
