import { DeliverPolicy } from '@nats-io/jetstream';
import { parseMessage } from '@newsflow/shared';
import { parse, UsageError } from '../args.ts';
import type { CliContext } from '../context.ts';
import { formatMessageLine } from '../format.ts';

export const TAIL_HELP = `Usage: newsflow tail [SUBJECT] [--json] [--since TIME|SEQ] [--limit N]

Follows a subject of the stream (default: news.events.>) and prints one line per message.
  --json         print each raw message as one JSON line
  --since X      replay from a time (ISO 8601, e.g. 2025-03-14T00:00:00Z, or a duration like 1h) or a stream
                 sequence number; without it, only new messages are shown
  --limit N      exit after N messages
Messages that fail validation are shown as warnings on stderr and skipped.`;

/** Where to start: new messages, a time, or a sequence. */
export function startPolicy(since: string | undefined, now = Date.now()) {
  if (since === undefined) return { deliver_policy: DeliverPolicy.New };
  if (/^\d+$/.test(since))
    return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Number(since) };
  const rel = /^(\d+)(s|m|h|d)$/.exec(since);
  if (rel) {
    const ms = Number(rel[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[rel[2] as 's' | 'm' | 'h' | 'd'];
    return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(now - ms).toISOString() };
  }
  const t = Date.parse(since);
  if (Number.isNaN(t))
    throw new UsageError(`--since: '${since}' is neither a time, a duration nor a sequence number`);
  return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(t).toISOString() };
}

export async function tail(ctx: CliContext, argv: string[], signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    since: { type: 'string' },
    limit: { type: 'string' },
  });
  if (values.help) {
    ctx.out.write(`${TAIL_HELP}\n`);
    return 0;
  }
  const bus = await ctx.bus();
  try {
    const subject = positionals[0] ?? bus.catalogue.eventsAll;
    const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
    if (!(limit > 0)) throw new UsageError('--limit must be a positive number');
    const stream = await bus.jsm.streams.find(subject).catch(() => undefined);
    if (!stream) throw new UsageError(`no stream holds subject '${subject}' (see \`newsflow status\`)`);
    const consumer = await bus.js.consumers.get(stream, {
      filter_subjects: subject,
      ...startPolicy(values.since),
    });
    const messages = await consumer.consume();
    signal.addEventListener('abort', () => void messages.close(), { once: true });
    let count = 0;
    for await (const m of messages) {
      let value: unknown;
      try {
        value = m.json();
      } catch {
        value = undefined;
      }
      const parsed = parseMessage(value);
      if (values.json) ctx.out.write(`${m.string()}\n`);
      else if (parsed.ok) ctx.out.write(`${formatMessageLine(parsed.message)}\n`);
      if (!parsed.ok) ctx.err.write(`warning: ${m.subject} #${m.seq}: ${parsed.reason}\n`);
      if (++count >= limit) break;
    }
    await messages.close();
    return 0;
  } finally {
    await bus.close();
  }
}
