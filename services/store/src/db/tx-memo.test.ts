import { join } from 'node:path';
import type { AnyMessage } from '@newsflow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createBatcher } from '../handlers/batcher.ts';
import { DEFAULT_MERGE_SETTINGS } from '../handlers/deps.ts';
import { createFeeder } from '../handlers/feed.ts';
import { argsOf, canonicalEventsOf, sourcesOf } from '../repo/event-views.ts';
import { loadDf, loadVectors, saveFeatures } from '../repo/features.ts';
import { entityMarks } from '../repo/story-views.ts';
import { seedMessages, silentLogger, syntheticArticle, tempSqlite } from '../testing.ts';
import { openSqlite } from './sqlite.ts';
import { createTxMemo, MAX_EVENT_VIEW_ENTRIES, validateTxMemo } from './tx-memo.ts';
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

describe("the writer memo's event views (embedded engine)", () => {
  /** What event merging reads, through `q`: canonical events per article, their sources and their arguments. */
  async function eventViews(q: Queryable, articleIds: readonly string[]) {
    const joined = await canonicalEventsOf(q, articleIds);
    const canonical = [...new Set([...joined.values()].flat().map((c) => c.id))].sort();
    const sources = await sourcesOf(q, canonical);
    const events = [...new Set([...sources.values()].flat().map((r) => r.event_id))].sort();
    const sort = <T>(m: Map<string, T[]>, key: (t: T) => string) =>
      Object.fromEntries(
        [...m]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, list]) => [k, [...list].sort((a, b) => key(a).localeCompare(key(b)))]),
      );
    return {
      joined: sort(joined, (c) => c.id),
      sources: sort(sources, (r) => r.event_id),
      args: Object.fromEntries([...(await argsOf(q, events))].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  it('answer as the database does while group transactions merge more events and rename canonical entities', async () => {
    const db = await database();
    const batcher = createBatcher(db, { maxBatch: 1000, maxDelayMs: 0 });
    const feed = createFeeder({ db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS, batcher });
    // The seeds first with an unknown second article, so views are read (and kept) before it arrives.
    const seeds = seedMessages();
    const articles = [seeds, ...Array.from({ length: 16 }, (_, i) => syntheticArticle(i))];
    const ids = [
      ...new Set(
        articles
          .flat()
          .filter((m) => m.type === 'news.article.raw.v1')
          .map((m) => m.id),
      ),
    ];
    let checked = 0;
    for (const messages of articles) {
      for (let i = 0; i < messages.length; i += 5) {
        await Promise.all(messages.slice(i, i + 5).map((m) => feed(m)));
        const viaMemo = await batcher.run((tx) => eventViews(tx, ids));
        expect(viaMemo).toEqual(await eventViews(db, ids));
        checked += Object.keys(viaMemo.sources).length;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('follow a canonical entity renamed by a later article and an argument whose entity arrives after its event', async () => {
    const db = await database();
    const batcher = createBatcher(db, { maxBatch: 1000, maxDelayMs: 0 });
    const feed = createFeeder({ db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS, batcher });
    const eventIds = async () =>
      (await db.all<{ id: string }>('SELECT id FROM events ORDER BY id')).map((r) => r.id);
    const same = async () => {
      const ids = await eventIds();
      const viaMemo = await batcher.run((tx) => argsOf(tx, ids));
      expect(viaMemo).toEqual(await argsOf(db, ids));
      return viaMemo;
    };
    // Article 2 names "Alice Example2"; its event's participant reads that canonical name.
    for (const m of syntheticArticle(2)) await feed(m);
    expect(JSON.stringify([...(await same()).values()])).toContain('"Alice Example2"');
    // A later article calls her "Alice B. Example2" (alias "Alice Example2"): the canonical entity takes the fuller name.
    const renamed = syntheticArticle(100).map((m) =>
      m.type === 'news.entity.v1' && m.data.type === 'person'
        ? { ...m, data: { ...m.data, name: 'Alice B. Example2', aliases: ['Alice Example2'] } }
        : m,
    );
    // Raw article and event first: the event's arguments are read before their entities exist.
    const [raw, person, town, event, done] = renamed as [
      AnyMessage,
      AnyMessage,
      AnyMessage,
      AnyMessage,
      AnyMessage,
    ];
    for (const m of [raw, event]) await feed(m);
    expect(JSON.stringify([...(await same()).values()])).not.toContain('Alice B. Example2');
    for (const m of [person, town, done]) await feed(m);
    const after = JSON.stringify([...(await same()).values()]);
    expect(after).toContain('"Alice B. Example2"');
    expect(after).not.toContain('"Alice Example2"');
  });

  it('keeps them between groups while nobody else wrote, and starts over when one of them grows too large', async () => {
    const db = await database();
    const memo = createTxMemo();
    await db.transaction((tx) => validateTxMemo(tx, memo)); // learns the data version
    memo.events.names.set('cen_a', 'Alice');
    await db.transaction((tx) => validateTxMemo(tx, memo));
    expect(memo.events.names.get('cen_a')).toBe('Alice');
    for (let i = 0; i <= MAX_EVENT_VIEW_ENTRIES; i++) memo.events.names.set(`cen_${i}`, `Name ${i}`);
    await db.transaction((tx) => validateTxMemo(tx, memo));
    expect(memo.events.names.size).toBe(0);
  });
});
