import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyMessage } from '@newsflow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/types.ts';
import { silentLogger, tempSqlite } from '../testing.ts';
import { DEFAULT_MERGE_SETTINGS } from './deps.ts';
import { createFeeder } from './feed.ts';

/** What the real extractor publishes for the two seed articles (scripts/build-real-seed-fixtures.ts). */
function realSeedMessages(): AnyMessage[] {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'test-fixtures', 'seeds-real.json'), 'utf8'),
  ) as AnyMessage[];
}

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of disposers.splice(0)) await d();
});

async function fed(messages: readonly AnyMessage[]): Promise<Db> {
  const t = await tempSqlite();
  disposers.push(t.dispose);
  const feed = createFeeder({ db: t.db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS });
  for (const m of messages) await feed(m);
  return t.db;
}

async function canonicalEventsOfType(db: Db, type: string) {
  return db.all<{ id: string; n: number; articles: number }>(
    `SELECT c.id, CAST(COUNT(*) AS INTEGER) AS n, CAST(COUNT(DISTINCT s.article_id) AS INTEGER) AS articles
     FROM canonical_events c JOIN event_sources s ON s.canonical_event_id = c.id WHERE c.type = $1 GROUP BY c.id`,
    [type],
  );
}

describe('merging the two seed articles as the real extractor reports them', () => {
  for (const order of ['in order', 'second article first'] as const) {
    it(`makes one story whose visit is one canonical event reported by both articles (${order})`, async () => {
      const messages = realSeedMessages();
      const cut = messages.findIndex((m) => m.type === 'news.article.extracted.v1') + 1;
      const db = await fed(
        order === 'in order' ? messages : [...messages.slice(cut), ...messages.slice(0, cut)],
      );
      expect(await db.all('SELECT DISTINCT story_id FROM story_articles')).toHaveLength(1);
      expect(await db.all('SELECT article_id FROM story_articles')).toHaveLength(2);
      expect(await canonicalEventsOfType(db, 'contact.visit')).toMatchObject([{ n: 2, articles: 2 }]);
    });
  }

  it('resolves al-Rifai to one canonical person known also as Abu Khadija', async () => {
    const db = await fed(realSeedMessages());
    const people = await db.all<{ canonical_id: string }>(
      "SELECT DISTINCT canonical_id FROM entities WHERE type = 'person' AND name LIKE '%Rifai%'",
    );
    expect(people).toHaveLength(1);
    const aliases = await db.all<{ alias: string }>(
      'SELECT DISTINCT alias FROM entity_aliases WHERE canonical_id = $1',
      [people[0]?.canonical_id ?? ''],
    );
    expect(aliases.map((a) => a.alias)).toContain('Abu Khadija');
  });

  it('merges the killing of al-Rifai into one canonical event reported by both articles', async () => {
    const db = await fed(realSeedMessages());
    expect(await canonicalEventsOfType(db, 'life.die')).toMatchObject([{ n: 2, articles: 2 }]);
  });
});
