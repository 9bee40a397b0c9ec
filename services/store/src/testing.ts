import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  type AnyMessage,
  articleIdFor,
  createLogger,
  deriveId,
  entityIdFor,
  eventIdFor,
  type Logger,
  makeMessage,
  sha256Hex,
} from '@newsflow/shared';
import { migrate } from './db/migrate.ts';
import { openPostgres } from './db/postgres.ts';
import { openSqlite } from './db/sqlite.ts';
import type { Db } from './db/types.ts';

/** Helpers shared by the store's tests and scripts. Not imported by the service itself. */

/** A logger that writes nowhere. */
export function silentLogger(): Logger {
  return createLogger({
    name: 'test',
    level: 'silent',
    destination: new Writable({ write: (_c, _e, cb) => cb() }),
  });
}

/** The hand-written extraction of the two seed articles (test-fixtures/seeds.json). */
export function seedMessages(): AnyMessage[] {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'test-fixtures', 'seeds.json'), 'utf8'),
  ) as AnyMessage[];
}

/** A migrated embedded database in a fresh temporary directory, and how to remove it. */
export async function tempSqlite(
  options: { synchronous?: 'FULL' | 'NORMAL' } = {},
): Promise<{ db: Db; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-store-'));
  const db = openSqlite(join(dir, 'newsflow.db'), options);
  await migrate(db, silentLogger());
  return {
    db,
    dir,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated PostgreSQL database on the server at `adminUrl`; dispose drops it. */
export async function tempPostgres(
  adminUrl: string,
): Promise<{ db: Db; url: string; dispose(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `newsflow_t${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  await migrate(db, silentLogger());
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

export type Engine = 'sqlite' | 'postgres';

/** A migrated database of either engine, for tests that run against both. */
export function tempDatabase(
  engine: Engine,
  adminUrl: string,
): Promise<{ db: Db; dispose(): Promise<void> }> {
  return engine === 'sqlite' ? tempSqlite() : tempPostgres(adminUrl);
}

/**
 * Opens migrated databases for a test file and disposes of them all at once: pass `disposeAll` to `afterEach`.
 * `adminUrl` is read when a PostgreSQL database is opened (vitest's `inject` works only inside tests).
 */
export function testDatabases(adminUrl: () => string): {
  open(engine: Engine): Promise<Db>;
  disposeAll(): Promise<void>;
} {
  const disposers: Array<() => Promise<void>> = [];
  return {
    async open(engine) {
      const t = await tempDatabase(engine, adminUrl());
      disposers.push(t.dispose);
      return t.db;
    },
    async disposeAll() {
      for (const d of disposers.splice(0)) await d();
    },
  };
}

/**
 * Synthetic extraction for article `i`: the article, two entities, one event and the completion marker (5
 * messages). Entity names repeat across articles so canonical merging has work to do.
 */
export function syntheticArticle(i: number, version = 'synthetic-1'): AnyMessage[] {
  const text = `Report ${i}: Minister Alice Example${i % 7} met officials in Town${i % 11} on Monday about water supply number ${i}.`;
  const articleId = articleIdFor(text);
  const extractor = { name: 'newsflow-extract', version };
  const now = new Date('2025-01-01T00:00:00.000Z');
  const person = `Alice Example${i % 7}`;
  const town = `Town${i % 11}`;
  const personId = entityIdFor(articleId, version, `person:${person}`);
  const townId = entityIdFor(articleId, version, `location:${town}`);
  const eventId = eventIdFor(articleId, version, 'contact.meet:0');
  const at = (s: string) => text.indexOf(s);
  const meta = { source: 'newsflow/test', subject: articleId, time: now };
  return [
    makeMessage('news.article.raw.v1', {
      id: articleId,
      ...meta,
      data: {
        id: articleId,
        text,
        outlet: `outlet${i % 3}.example`,
        receivedAt: now.toISOString(),
        origin: { kind: 'cli', path: `synthetic/${i}.txt` },
        contentHash: sha256Hex(text),
        byteSize: Buffer.byteLength(text),
      },
    }),
    makeMessage('news.entity.v1', {
      id: personId,
      ...meta,
      data: {
        id: personId,
        articleId,
        type: 'person',
        name: person,
        aliases: [],
        roles: [{ title: 'Minister' }],
        mentions: [{ text: person, start: at(person), end: at(person) + person.length, sentence: 0 }],
        salience: 0.9,
        confidence: 0.9,
        extractor,
      },
    }),
    makeMessage('news.entity.v1', {
      id: townId,
      ...meta,
      data: {
        id: townId,
        articleId,
        type: 'location',
        name: town,
        aliases: [],
        roles: [],
        mentions: [{ text: town, start: at(town), end: at(town) + town.length, sentence: 0 }],
        salience: 0.5,
        confidence: 0.9,
        extractor,
      },
    }),
    makeMessage('news.event.v1', {
      id: eventId,
      ...meta,
      data: {
        id: eventId,
        articleId,
        type: 'contact.meet',
        trigger: { text: 'met', start: at('met'), end: at('met') + 3 },
        evidence: { text, start: 0, end: text.length, sentence: 0 },
        arguments: [
          {
            role: 'participant',
            text: person,
            start: at(person),
            end: at(person) + person.length,
            entityId: personId,
          },
          { role: 'place', text: town, start: at(town), end: at(town) + town.length, entityId: townId },
        ],
        modality: 'asserted',
        confidence: 0.8,
        plover: { event: 'CONSULT' },
        cameo: '040',
        extractor,
      },
    }),
    makeMessage('news.article.extracted.v1', {
      id: deriveId('cmp', articleId, version),
      ...meta,
      data: {
        articleId,
        extractor,
        entityCount: 2,
        eventCount: 1,
        entityIds: [personId, townId],
        eventIds: [eventId],
        durationMs: 1,
      },
    }),
  ];
}

const TABLES = [
  'articles',
  'article_features',
  'article_terms',
  'term_stats',
  'extractions',
  'canonical_entities',
  'entity_keys',
  'entity_aliases',
  'entity_roles',
  'entities',
  'mentions',
  'events',
  'event_arguments',
  'canonical_events',
  'event_sources',
  'stories',
  'story_articles',
  'processed_messages',
  'outbox',
] as const;

/**
 * What the store knows, independent of arrival order: row counts of every table, and the merges as sets of
 * members (canonical ids derive from whichever member came first, so they are left out).
 */
export async function snapshot(db: Db): Promise<Record<string, unknown>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const row = await db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${t}`);
    counts[t] = Number(row?.n);
  }
  const group = async (sql: string) => {
    const rows = await db.all<{ g: string; m: string }>(sql);
    const groups = new Map<string, string[]>();
    for (const r of rows) groups.set(r.g, [...(groups.get(r.g) ?? []), r.m]);
    return [...groups.values()].map((g) => g.sort().join(',')).sort();
  };
  return {
    counts,
    entities: await group('SELECT canonical_id AS g, id AS m FROM entities'),
    canonicalNames: (
      await db.all<{ type: string; name: string }>('SELECT type, name FROM canonical_entities')
    )
      .map((r) => `${r.type}:${r.name}`)
      .sort(),
    events: await group('SELECT canonical_event_id AS g, event_id AS m FROM event_sources'),
    stories: await group('SELECT story_id AS g, article_id AS m FROM story_articles'),
    extractions: await group('SELECT state AS g, article_id AS m FROM extractions'),
  };
}
