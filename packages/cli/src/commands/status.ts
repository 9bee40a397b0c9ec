import { parse } from '../args.ts';
import type { CliContext } from '../context.ts';
import { table } from '../format.ts';

export const STATUS_HELP = `Usage: newsflow status [--json]

Shows each stream (messages, size, last message), each durable consumer (pending = lag, unacknowledged,
redelivered) and the dead letters per service.`;

export interface StatusReport {
  streams: Array<{ name: string; messages: number; bytes: number; lastTime: string | null }>;
  consumers: Array<{
    stream: string;
    name: string;
    pending: number;
    ackPending: number;
    redelivered: number;
  }>;
  deadLetters: Record<string, number>;
}

export async function collectStatus(ctx: CliContext): Promise<StatusReport> {
  const bus = await ctx.bus();
  try {
    const report: StatusReport = { streams: [], consumers: [], deadLetters: {} };
    for (const spec of Object.values(bus.catalogue.streams)) {
      const info = await bus.jsm.streams.info(spec.name, { subjects_filter: '>' });
      const s = info.state;
      report.streams.push({
        name: spec.name,
        messages: s.messages,
        bytes: s.bytes,
        lastTime: s.messages ? s.last_ts : null,
      });
      for await (const c of bus.jsm.consumers.list(spec.name)) {
        if (!c.config.durable_name) continue;
        report.consumers.push({
          stream: spec.name,
          name: c.name,
          pending: c.num_pending,
          ackPending: c.num_ack_pending,
          redelivered: c.num_redelivered,
        });
      }
      if (spec.name === bus.catalogue.streams.dlq.name) {
        for (const [subject, n] of Object.entries(s.subjects ?? {})) {
          report.deadLetters[subject.split('.').at(-1) as string] = n;
        }
      }
    }
    return report;
  } finally {
    await bus.close();
  }
}

export async function status(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    ctx.out.write(`${STATUS_HELP}\n`);
    return 0;
  }
  const r = await collectStatus(ctx);
  if (values.json) {
    ctx.out.write(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  ctx.out.write(
    `${table(
      ['stream', 'messages', 'size', 'last message'],
      r.streams.map((s) => [s.name, String(s.messages), kb(s.bytes), s.lastTime ?? '-']),
    )}\n\n`,
  );
  ctx.out.write(
    `${table(
      ['consumer', 'stream', 'pending (lag)', 'unacked', 'redelivered'],
      r.consumers.map((c) => [
        c.name,
        c.stream,
        String(c.pending),
        String(c.ackPending),
        String(c.redelivered),
      ]),
    )}\n\n`,
  );
  const dl = Object.entries(r.deadLetters);
  ctx.out.write(
    dl.length ? `dead letters: ${dl.map(([s, n]) => `${s} ${n}`).join(', ')}\n` : 'dead letters: none\n',
  );
  return 0;
}
