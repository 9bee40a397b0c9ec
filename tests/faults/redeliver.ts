import { join } from 'node:path';
import { headers as natsHeaders } from '@nats-io/nats-core';
import type { Bus } from '@newsflow/shared';
import { openSqliteFile } from '@newsflow/store';

/**
 * Publishes the first `count` messages of a stream again under new `Nats-Msg-Id`s, so the broker's duplicate
 * window does not catch them and the consumers receive them a second time (what a redelivery after the window,
 * or a replay by hand, looks like). Returns how many were re-published.
 */
export async function publishAgain(
  bus: Bus,
  key: 'articles' | 'extractions',
  count: number,
): Promise<number> {
  const stream = bus.catalogue.streams[key].name;
  const filter = key === 'articles' ? bus.catalogue.articlesRaw : undefined;
  const consumer = await bus.js.consumers.get(stream, filter ? { filter_subjects: filter } : {});
  let sent = 0;
  try {
    while (sent < count) {
      const batch = await consumer.fetch({ max_messages: Math.min(500, count - sent), expires: 3000 });
      const pending: Promise<unknown>[] = [];
      let got = 0;
      for await (const m of batch) {
        got++;
        const h = natsHeaders();
        for (const [k, v] of m.headers ?? []) if (!k.startsWith('Nats-')) for (const x of v) h.append(k, x);
        const id = m.headers?.get('Nats-Msg-Id') ?? String(m.seq);
        pending.push(bus.js.publish(m.subject, m.data, { msgID: `${id}-again`, headers: h }));
      }
      await Promise.all(pending);
      if (got === 0) break;
      sent += got;
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
  return sent;
}

/** Row counts of the store's main tables in the embedded database (opened read-only beside the running store). */
export function sqliteCounts(dataDir: string): Record<string, number> {
  const db = openSqliteFile(join(dataDir, 'newsflow.db'), { readOnly: true });
  try {
    const out: Record<string, number> = {};
    for (const table of [
      'articles',
      'entities',
      'mentions',
      'events',
      'event_arguments',
      'event_sources',
      'extractions',
      'story_articles',
      'processed_messages',
    ]) {
      out[table] = Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    }
    return out;
  } finally {
    db.close();
  }
}
