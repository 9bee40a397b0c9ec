import { type Logger, type Publisher, parseMessage } from '@newsflow/shared';
import { placeholders } from './db/sql.ts';
import type { Db } from './db/types.ts';
import type { StoreMetrics } from './metrics.ts';

export interface OutboxRelay {
  /** Publishes every pending story update, oldest first; concurrent calls share one run. */
  flush(): Promise<void>;
  /** Starts a flush without waiting for it (after a commit that wrote updates). */
  kick(): void;
  /** Stops the periodic retry and waits for a running flush. */
  stop(): Promise<void>;
}

/**
 * Publishes committed story updates from the outbox table, then marks them published. A crash between the
 * publish and the mark re-publishes the same message ids, which JetStream drops as duplicates.
 */
export function createOutboxRelay(deps: {
  db: Db;
  publisher: Publisher;
  log: Logger;
  metrics?: StoreMetrics;
  retryMs?: number;
}): OutboxRelay {
  let running: Promise<void> | undefined;
  let again = false;

  async function markPublished(ids: readonly string[]): Promise<void> {
    await deps.db.transaction((tx) =>
      tx.run(`UPDATE outbox SET published_at = $1 WHERE id IN (${placeholders(ids.length, 2)})`, [
        new Date().toISOString(),
        ...ids,
      ]),
    );
  }

  async function drain(): Promise<void> {
    for (;;) {
      const rows = await deps.db.all<{ id: string; payload: string }>(
        'SELECT id, payload FROM outbox WHERE published_at IS NULL ORDER BY created_at, id LIMIT 100',
      );
      deps.metrics?.outboxPending.set(rows.length);
      if (rows.length === 0) return;
      // Marked in one transaction per batch (one commit, one fsync on SQLite, instead of one per update), also
      // when a publish fails part way: what was published stays published.
      const done: string[] = [];
      try {
        for (const row of rows) {
          const parsed = parseMessage(JSON.parse(row.payload), ['news.story.updated.v1']);
          if (parsed.ok) await deps.publisher.publish(parsed.message);
          else
            deps.log.error({ id: row.id, reason: parsed.reason }, 'invalid story update in outbox; skipped');
          done.push(row.id);
        }
      } finally {
        if (done.length > 0) await markPublished(done);
      }
    }
  }

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await drain();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const kick = () => {
    flush().catch((err) => deps.log.warn({ err }, 'story update publish failed; will retry'));
  };
  const timer = setInterval(kick, deps.retryMs ?? 5_000);
  timer.unref();

  return {
    flush,
    kick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
