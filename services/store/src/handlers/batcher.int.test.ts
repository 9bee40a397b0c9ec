import type { AnyMessage } from '@newsflow/shared';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Db, Queryable } from '../db/types.ts';
import {
  type Engine,
  seedMessages,
  silentLogger,
  snapshot,
  syntheticArticle,
  testDatabases,
} from '../testing.ts';
import { createBatcher } from './batcher.ts';
import { DEFAULT_MERGE_SETTINGS } from './deps.ts';
import { createFeeder } from './feed.ts';

const databases = testDatabases(() => inject('databaseUrl'));
afterEach(databases.disposeAll);
const database = databases.open;

const mark = (tx: Queryable, id: string) =>
  tx.run('INSERT INTO processed_messages (message_id, type, processed_at) VALUES ($1, $2, $3)', [
    id,
    'test',
    '2025-01-01T00:00:00.000Z',
  ]);

async function marked(db: Db): Promise<string[]> {
  const rows = await db.all<{ message_id: string }>(
    'SELECT message_id FROM processed_messages ORDER BY message_id',
  );
  return rows.map((r) => r.message_id);
}

class Refused extends Error {
  override name = 'Refused';
}

/** A store fed `messages` one transaction per message, in order: what group commit must end up with. */
async function storedOneByOne(engine: Engine, messages: readonly AnyMessage[]): Promise<Db> {
  const db = await database(engine);
  const plain = createFeeder({ db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS });
  for (const m of messages) await plain(m);
  return db;
}

/** A store fed through a group-commit batcher, and the sizes of the groups it committed. */
async function grouped(engine: Engine) {
  const db = await database(engine);
  const sizes: number[] = [];
  const batcher = createBatcher(db, { maxBatch: 1000, maxDelayMs: 0 }, (g) => sizes.push(g.size));
  const feed = createFeeder({ db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS, batcher });
  return { db, sizes, feed };
}

describe.each(['sqlite', 'postgres'] as const)('group commit on %s', (engine: Engine) => {
  it('rolls back only the failing message of a group; the others commit', async () => {
    const db = await database(engine);
    const groups: Array<{ size: number; failed: number }> = [];
    const batcher = createBatcher(db, { maxBatch: 16, maxDelayMs: 0 }, (g) => groups.push(g));
    const results = await Promise.allSettled([
      batcher.run((tx) => mark(tx, 'a')),
      batcher.run(async (tx) => {
        await mark(tx, 'b');
        throw new Refused('bad message');
      }),
      // A statement error inside the transaction (duplicate key): PostgreSQL needs the savepoint to go on.
      batcher.run(async (tx) => {
        await mark(tx, 'c');
        await mark(tx, 'c');
      }),
      batcher.run((tx) => mark(tx, 'd')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(Refused);
    expect(groups).toEqual([expect.objectContaining({ size: 4, failed: 2 })]);
    expect(await marked(db)).toEqual(['a', 'd']);
  });

  it('settles every promise only after the commit, when other connections see the writes', async () => {
    const db = await database(engine);
    const batcher = createBatcher(db, { maxBatch: 16, maxDelayMs: 0 });
    let settledEarly = 0;
    let seenOutsideBeforeCommit: unknown[] | undefined;
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const runs = ids.map((id, i) =>
      batcher
        .run(async (tx) => {
          await mark(tx, id);
          // The last message of the group: its predecessors are written but must be invisible outside.
          if (i === ids.length - 1) seenOutsideBeforeCommit = await marked(db);
          return id;
        })
        .then(async (value) => {
          if (seenOutsideBeforeCommit === undefined) settledEarly++;
          // Read on another connection (SQLite's reader, a pooled PostgreSQL client): committed data only.
          return { value, visible: (await marked(db)).includes(value) };
        }),
    );
    const settled = await Promise.all(runs);
    expect(settledEarly).toBe(0);
    expect(seenOutsideBeforeCommit).toEqual([]);
    expect(settled).toEqual(ids.map((value) => ({ value, visible: true })));
  });

  it('splits what is handed over at once into groups of at most maxBatch, in arrival order', async () => {
    const db = await database(engine);
    const sizes: number[] = [];
    const order: string[] = [];
    const batcher = createBatcher(db, { maxBatch: 2, maxDelayMs: 0 }, (g) => sizes.push(g.size));
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((id) =>
        batcher.run(async (tx) => {
          order.push(id);
          await mark(tx, id);
        }),
      ),
    );
    await batcher.idle();
    expect(sizes).toEqual([2, 2, 1]);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("merges as one transaction per message does across many groups (the writer memo's views stay exact)", async () => {
    // Articles naming the same people and towns: entities, events and stories merge across groups.
    const messages: AnyMessage[] = [
      ...seedMessages(),
      ...Array.from({ length: 30 }, (_, i) => syntheticArticle(i)).flat(),
    ];
    const reference = await storedOneByOne(engine, messages);
    const { db, sizes, feed } = await grouped(engine);
    for (let i = 0; i < messages.length; i += 7)
      await Promise.all(messages.slice(i, i + 7).map((m) => feed(m)));
    expect(sizes.length).toBe(Math.ceil(messages.length / 7));
    expect(await snapshot(db)).toEqual(await snapshot(reference));
  });

  it('absorbs duplicates inside one group: the store ends as with each message stored once', async () => {
    const messages: AnyMessage[] = [...seedMessages(), ...[0, 1, 2, 3].flatMap((i) => syntheticArticle(i))];
    const reference = await storedOneByOne(engine, messages);
    const { db, sizes, feed } = await grouped(engine);
    // Every message twice, handed over together: a redelivery arriving while the first copy is in the group.
    await Promise.all(messages.flatMap((m) => [feed(m), feed(m)]));
    expect(sizes).toEqual([messages.length * 2]);
    expect(await snapshot(db)).toEqual(await snapshot(reference));
  });
});
