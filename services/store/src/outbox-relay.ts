import { type Logger, type Publisher, parseMessage } from '@newsflow/shared';
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
 * publish and the mark re-publishes the same message id, which JetStream drops as a duplicate.
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

  async function drain(): Promise<void> {
    for (;;) {
      const rows = await deps.db.all<{ id: string; payload: string }>(
        'SELECT id, payload FROM outbox WHERE published_at IS NULL ORDER BY created_at, id LIMIT 100',
      );
      deps.metrics?.outboxPending.set(rows.length);
      if (rows.length === 0) return;
      for (const row of rows) {
        const parsed = parseMessage(JSON.parse(row.payload), ['news.story.updated.v1']);
        if (parsed.ok) await deps.publisher.publish(parsed.message);
        else deps.log.error({ id: row.id, reason: parsed.reason }, 'invalid story update in outbox; skipped');
        await deps.db.transaction((tx) =>
          tx.run('UPDATE outbox SET published_at = $2 WHERE id = $1', [row.id, new Date().toISOString()]),
        );
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
