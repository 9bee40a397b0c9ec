// Soak test: a steady ingest rate over HTTP against a stack it starts (or a running one), with progress every few
// seconds and a summary: throughput, consumer lag, publish -> stored latency, RSS per service, errors.
//
//   node scripts/soak.ts --seconds 300 --rate 20
//   node scripts/soak.ts --seconds 120 --rate 20 --slow-store 2000/3000   # backpressure: store stopped 2 s of 3
//   NATS_URL=... NEWSFLOW_INGEST_URL=http://127.0.0.1:8081 NEWSFLOW_API_URL=http://127.0.0.1:8080 node scripts/soak.ts
import { parseArgs } from 'node:util';
import { runSoak, type SoakInterval } from '../tests/faults/soak-runner.ts';

const USAGE = `Usage: node scripts/soak.ts [--seconds N] [--rate N] [--batch N] [--report-every N]
                             [--slow-store STOP_MS/PERIOD_MS] [--database-url URL] [--json]
Starts nats-server, store, extract and ingest (each its own process) unless NATS_URL, NEWSFLOW_INGEST_URL and
NEWSFLOW_API_URL are all set (then it loads that stack; NEWSFLOW_NAMESPACE if it uses one; no memory figures).
Exits 1 when an acknowledged article was not stored or the backlog did not drain.`;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '20' },
    batch: { type: 'string' },
    'report-every': { type: 'string', default: '10' },
    'slow-store': { type: 'string' },
    'database-url': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const num = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`--${name} must be a positive number\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
};
let slowStore: { stopMs: number; periodMs: number } | undefined;
if (values['slow-store']) {
  const m = /^(\d+)\/(\d+)$/.exec(values['slow-store']);
  if (!m || Number(m[1]) >= Number(m[2])) {
    process.stderr.write(`--slow-store takes STOP_MS/PERIOD_MS with STOP_MS < PERIOD_MS\n`);
    process.exit(2);
  }
  slowStore = { stopMs: Number(m[1]), periodMs: Number(m[2]) };
}
const env = process.env;
const external =
  env.NATS_URL && env.NEWSFLOW_INGEST_URL && env.NEWSFLOW_API_URL
    ? {
        natsUrl: env.NATS_URL,
        ingestUrl: env.NEWSFLOW_INGEST_URL,
        apiUrl: env.NEWSFLOW_API_URL,
        ...(env.NEWSFLOW_NAMESPACE ? { namespace: env.NEWSFLOW_NAMESPACE } : {}),
      }
    : undefined;

const line = (r: SoakInterval) =>
  `t=${String(r.t).padStart(4)}s  acked=${r.acknowledged}  stored=${r.stored}  in=${r.ingestPerSec}/s  ` +
  `out=${r.storedPerSec}/s  lag=${r.lag}  errors=${r.errors}  rss MB ${Object.entries(r.rssMb)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`;

const summary = await runSoak({
  seconds: num('seconds', values.seconds),
  rate: num('rate', values.rate),
  ...(values.batch ? { batch: num('batch', values.batch) } : {}),
  reportEvery: num('report-every', values['report-every']),
  ...(slowStore ? { slowStore } : {}),
  ...(external ? { external } : {}),
  ...(values['database-url'] ? { stackEnv: { databaseUrl: values['database-url'] } } : {}),
  onReport: (r) => {
    if (!values.json) process.stdout.write(`${line(r)}\n`);
  },
});

if (values.json) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} else {
  const { intervals: _intervals, memory, ...rest } = summary;
  process.stdout.write(
    `\nsummary ${JSON.stringify(rest, null, 2)}\nmemory (MB; slope after a 10 s warm-up)\n`,
  );
  for (const [name, m] of Object.entries(memory)) {
    process.stdout.write(
      `  ${name.padEnd(10)} start ${m.startMb}  end ${m.endMb}  max ${m.maxMb}  slope ${m.slopeMbPerMin}/min (second half ${m.lateSlopeMbPerMin}/min)  (${m.samples} samples)\n`,
    );
  }
}
process.exit(summary.missing === 0 && summary.lag.end === 0 ? 0 : 1);
