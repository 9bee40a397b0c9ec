import { type AnyMessage, makeMessage, type Publisher } from '@newsflow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './db/types.ts';
import { createOutboxRelay } from './outbox-relay.ts';
import { silentLogger, tempSqlite } from './testing.ts';

function storyUpdate(i: number): AnyMessage {
  const storyId = `sty_${String(i).padStart(24, '0')}`;
  return makeMessage('news.story.updated.v1', {
    id: `${storyId}-r1`,
    source: 'newsflow/store',
    subject: storyId,
    time: new Date('2025-03-14T10:00:00.000Z'),
    data: {
      storyId,
      change: 'created',
      articleIds: [`art_${String(i).padStart(24, '0')}`],
      eventIds: [],
      entityIds: [],
      revision: 1,
      updatedAt: '2025-03-14T10:00:00.000Z',
    },
  });
}

async function enqueue(db: Db, messages: readonly AnyMessage[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [i, m] of messages.entries()) {
      await tx.run('INSERT INTO outbox (id, payload, created_at, published_at) VALUES ($1, $2, $3, NULL)', [
        m.id,
        JSON.stringify(m),
        `2025-03-14T10:00:00.${String(i).padStart(3, '0')}Z`,
      ]);
    }
  });
}

/** Records what it is given; throws on the `failAt`-th publish (1-based) when set. */
function recordingPublisher(failAt?: number): Publisher & { ids: string[] } {
  const ids: string[] = [];
  return {
    ids,
    async publish(message) {
      if (failAt !== undefined && ids.length + 1 === failAt) throw new Error('broker unavailable');
      ids.push(message.id);
      return { subject: message.subject ?? '', seq: ids.length, duplicate: false };
    },
    async publishAll(messages) {
      return Promise.all(messages.map((m) => this.publish(m)));
    },
  };
}

const pending = async (db: Db) =>
  (await db.all<{ id: string }>('SELECT id FROM outbox WHERE published_at IS NULL ORDER BY created_at')).map(
    (r) => r.id,
  );

describe('outbox relay', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('publishes every pending update oldest first, more than one batch, and marks all published', async () => {
    const { db, dispose } = await tempSqlite();
    cleanups.push(dispose);
    const messages = Array.from({ length: 130 }, (_, i) => storyUpdate(i));
    await enqueue(db, messages);
    const publisher = recordingPublisher();
    const relay = createOutboxRelay({ db, publisher, log: silentLogger(), retryMs: 60_000 });
    cleanups.push(() => relay.stop());
    await relay.flush();
    expect(publisher.ids).toEqual(messages.map((m) => m.id));
    expect(await pending(db)).toEqual([]);
    // A second flush finds nothing to publish again.
    await relay.flush();
    expect(publisher.ids).toHaveLength(130);
  });

  it('keeps what was published marked and the rest pending when a publish fails part way', async () => {
    const { db, dispose } = await tempSqlite();
    cleanups.push(dispose);
    const messages = Array.from({ length: 5 }, (_, i) => storyUpdate(i));
    await enqueue(db, messages);
    const failing = recordingPublisher(3);
    const relay = createOutboxRelay({ db, publisher: failing, log: silentLogger(), retryMs: 60_000 });
    cleanups.push(() => relay.stop());
    await expect(relay.flush()).rejects.toThrow('broker unavailable');
    expect(failing.ids).toEqual(messages.slice(0, 2).map((m) => m.id));
    expect(await pending(db)).toEqual(messages.slice(2).map((m) => m.id));

    const healthy = recordingPublisher();
    const retry = createOutboxRelay({ db, publisher: healthy, log: silentLogger(), retryMs: 60_000 });
    cleanups.push(() => retry.stop());
    await retry.flush();
    expect(healthy.ids).toEqual(messages.slice(2).map((m) => m.id));
    expect(await pending(db)).toEqual([]);
  });
});
