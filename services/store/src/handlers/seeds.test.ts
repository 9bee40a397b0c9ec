import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/types.ts';
import { seedMessages, silentLogger, snapshot, tempSqlite } from '../testing.ts';
import { DEFAULT_MERGE_SETTINGS } from './deps.ts';
import { createFeeder } from './feed.ts';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of disposers.splice(0)) await d();
});

async function store() {
  const t = await tempSqlite();
  disposers.push(t.dispose);
  return {
    db: t.db,
    feed: createFeeder({ db: t.db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS }),
  };
}

/** A deterministic shuffle (so a failure can be reproduced). */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function canonicalEventsOfType(db: Db, type: string) {
  return db.all<{ id: string; n: number; articles: number }>(
    `SELECT c.id, CAST(COUNT(*) AS INTEGER) AS n, CAST(COUNT(DISTINCT s.article_id) AS INTEGER) AS articles
     FROM canonical_events c JOIN event_sources s ON s.canonical_event_id = c.id WHERE c.type = $1 GROUP BY c.id`,
    [type],
  );
}

describe('merging the two seed articles (embedded engine)', () => {
  it('makes one story with one killing and one visit, each reported by both articles', async () => {
    const { db, feed } = await store();
    for (const m of seedMessages()) await feed(m);
    const stories = await db.all<{ story_id: string }>('SELECT DISTINCT story_id FROM story_articles');
    expect(stories).toHaveLength(1);
    expect(await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM story_articles')).toEqual({
      n: 2,
    });
    expect(await canonicalEventsOfType(db, 'life.die')).toMatchObject([{ n: 2, articles: 2 }]);
    expect(await canonicalEventsOfType(db, 'contact.visit')).toMatchObject([{ n: 2, articles: 2 }]);
  });

  it('resolves al-Rifai to one canonical person known also as Abu Khadija', async () => {
    const { db, feed } = await store();
    for (const m of seedMessages()) await feed(m);
    const people = await db.all<{ canonical_id: string }>(
      "SELECT DISTINCT canonical_id FROM entities WHERE type = 'person' AND name LIKE '%Rifai%'",
    );
    expect(people).toHaveLength(1);
    const aliases = await db.all<{ alias: string }>(
      'SELECT DISTINCT alias FROM entity_aliases WHERE canonical_id = $1',
      [people[0]?.canonical_id ?? ''],
    );
    expect(aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(['Abu Khadija', 'al-Rifai']));
  });

  it('keeps an extraction pending until every listed entity and event has arrived', async () => {
    const { db, feed } = await store();
    const messages = seedMessages().slice(0, 22); // the first article, its extraction and completion
    const completion = messages.find((m) => m.type === 'news.article.extracted.v1');
    const article = messages.find((m) => m.type === 'news.article.raw.v1');
    if (!completion || !article) throw new Error('fixture lacks an article or completion');
    await feed(completion);
    await feed(article);
    expect(await db.get('SELECT state FROM extractions')).toEqual({ state: 'pending' });
    expect(await db.all('SELECT * FROM story_articles')).toEqual([]);
    for (const m of messages) await feed(m);
    expect(await db.get('SELECT state FROM extractions')).toEqual({ state: 'complete' });
    expect(await db.all('SELECT article_id FROM story_articles')).toHaveLength(1);
  });

  it('ends in the same state when every message arrives twice in shuffled order', async () => {
    const inOrder = await store();
    for (const m of seedMessages()) await inOrder.feed(m);
    const expected = await snapshot(inOrder.db);
    for (const seed of [1, 7, 42]) {
      const shuffled = await store();
      for (const m of shuffle([...seedMessages(), ...seedMessages()], seed)) await shuffled.feed(m);
      expect(await snapshot(shuffled.db)).toEqual(expected);
    }
  });
});
