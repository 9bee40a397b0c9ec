import { afterEach, describe, expect, it } from 'vitest';
import { loadDf, loadVectors, saveFeatures } from '../repo/features.ts';
import { tempSqlite } from '../testing.ts';
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
