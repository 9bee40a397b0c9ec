import type { Bus } from '../nats/bus.ts';

/** Number of messages a stream holds on one subject. */
export async function countOnSubject(bus: Bus, stream: string, subject: string): Promise<number> {
  const info = await bus.jsm.streams.info(stream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

/**
 * Reads up to `expected` messages of one subject from the start of a stream through an ephemeral ordered
 * consumer; returns fewer when a fetch comes back empty (the stream holds fewer).
 */
export async function readSubject<T>(
  bus: Bus,
  stream: string,
  subject: string,
  expected: number,
): Promise<T[]> {
  const out: T[] = [];
  if (expected === 0) return out;
  const consumer = await bus.js.consumers.get(stream, { filter_subjects: subject });
  while (out.length < expected) {
    const batch = await consumer.fetch({
      max_messages: Math.min(expected - out.length, 1000),
      expires: 2000,
    });
    let got = 0;
    for await (const m of batch) {
      out.push(m.json<T>());
      got++;
    }
    if (got === 0) break;
  }
  return out;
}
