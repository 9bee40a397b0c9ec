import { headers as natsHeaders } from '@nats-io/nats-core';
import { type Bus, type DeadLetterData, parseMessage } from '@newsflow/shared';
import { parse, UsageError } from '../args.ts';
import type { CliContext } from '../context.ts';
import { table } from '../format.ts';

export const DLQ_HELP = `Usage: newsflow dlq list [--service NAME] [--json]
       newsflow dlq retry [--service NAME] [SEQ...]

list   shows dead letters: sequence, service, original subject, reason, when.
retry  re-publishes the original payloads to their original subjects (after you fixed the cause) and removes
       them from the dead-letter stream; without SEQ, every dead letter (of --service) is retried.`;

export interface StoredDeadLetter {
  seq: number;
  data: DeadLetterData;
}

/** Reads every dead letter in the DLQ stream, optionally of one service. */
export async function readDeadLetters(bus: Bus, service?: string): Promise<StoredDeadLetter[]> {
  const name = bus.catalogue.streams.dlq.name;
  const info = await bus.jsm.streams.info(name);
  const out: StoredDeadLetter[] = [];
  if (info.state.messages === 0) return out;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const m = await bus.jsm.streams.getMessage(name, { seq }).catch(() => null);
    if (!m) continue; // deleted (already retried)
    let value: unknown;
    try {
      value = m.json();
    } catch {
      continue;
    }
    const parsed = parseMessage(value, ['news.deadletter.v1']);
    if (!parsed.ok || parsed.message.type !== 'news.deadletter.v1') continue;
    if (service && parsed.message.data.service !== service) continue;
    out.push({ seq, data: parsed.message.data });
  }
  return out;
}

/**
 * Re-publishes a dead letter's original payload and headers to its original subject. The new Nats-Msg-Id names
 * the dead letter, so a retry interrupted and run again is dropped as a duplicate instead of doubling.
 */
export async function retryDeadLetter(bus: Bus, dl: StoredDeadLetter): Promise<void> {
  const d = dl.data;
  const h = natsHeaders();
  for (const [key, values] of Object.entries(d.headers)) {
    if (key === 'Nats-Msg-Id' || key.startsWith('Nats-')) continue;
    for (const v of values) h.append(key, v);
  }
  const original = d.headers['Nats-Msg-Id']?.[0] ?? `${d.stream}-${d.streamSequence}`;
  const payload =
    d.payloadEncoding === 'base64' ? Buffer.from(d.payload, 'base64') : new TextEncoder().encode(d.payload);
  await bus.js.publish(d.subject, payload, { msgID: `${original}-retry-${dl.seq}`, headers: h });
  await bus.jsm.streams.deleteMessage(bus.catalogue.streams.dlq.name, dl.seq);
}

export async function dlq(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { service: { type: 'string' }, json: { type: 'boolean' } });
  const [action, ...seqs] = positionals;
  if (values.help || !action) {
    ctx.out.write(`${DLQ_HELP}\n`);
    return values.help ? 0 : 2;
  }
  if (action !== 'list' && action !== 'retry')
    throw new UsageError(`unknown dlq action '${action}' (list or retry)`);
  const bus = await ctx.bus();
  try {
    const all = await readDeadLetters(bus, values.service);
    if (action === 'list') {
      if (values.json) for (const d of all) ctx.out.write(`${JSON.stringify(d)}\n`);
      else {
        const rows = all.map((d) => [
          String(d.seq),
          d.data.service,
          d.data.subject,
          d.data.failedAt,
          d.data.reason.slice(0, 80),
        ]);
        ctx.out.write(`${table(['seq', 'service', 'subject', 'failed at', 'reason'], rows)}\n`);
      }
      return 0;
    }
    const wanted = seqs.map(Number);
    if (wanted.some((n) => !Number.isInteger(n)))
      throw new UsageError('SEQ must be dead-letter sequence numbers');
    const chosen = wanted.length ? all.filter((d) => wanted.includes(d.seq)) : all;
    for (const d of chosen) {
      await retryDeadLetter(bus, d);
      ctx.out.write(`retried #${d.seq} -> ${d.data.subject}\n`);
    }
    ctx.out.write(`${chosen.length} dead letter(s) retried\n`);
    return 0;
  } finally {
    await bus.close();
  }
}
