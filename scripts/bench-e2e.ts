// End-to-end benchmark: real `newsflow start` (own nats-server, real processes), N articles dropped into the
// inbox. Reports throughput until every article is stored with its extraction, latency from a file appearing to
// its events being queryable at a steady rate, CPU time per article and peak memory per process; then the same
// with PostgreSQL. Latency is measured twice: for files written before the ingest stability window
// (NEWSFLOW_INGEST_STABLE_FOR, 1 s) and renamed in, and for files written the moment before they are renamed in,
// which ingest holds until the window has passed since their last write.
//   node scripts/bench-e2e.ts [--articles 1000] [--rate 10] [--seconds 20] [--no-postgres] [--out FILE]
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type StackProcess, startStackProcess } from '@newsflow/cli/testing';
import { ingestConfigSchema, parseOffline } from '@newsflow/ingest';
import { createCatalogue, createLogger, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { startPostgres } from '@newsflow/shared/testing';
import { loadArticles } from './lib/corpus.ts';
import { printTable, quantile } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    'no-postgres': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const N = Number(values.articles);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const log = createLogger({ name: 'bench', level: 'warn', pretty: false });
/** Ingest's stability window as the stack will run it (NEWSFLOW_INGEST_STABLE_FOR, default 1 s). */
const STABLE_FOR_MS = loadConfig(ingestConfigSchema, process.env).NEWSFLOW_INGEST_STABLE_FOR;

/** Stages texts as files and learns the article id ingest will give each (same parser, offline). */
async function stage(
  dir: string,
  texts: string[],
  prefix: string,
): Promise<Array<{ file: string; id: string }>> {
  mkdirSync(dir, { recursive: true });
  const files = texts.map((t, i) => {
    const file = join(dir, `${prefix}-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(file, t);
    return file;
  });
  const ids = new Map<string, string>();
  await parseOffline(files, (a) => ids.set(a.origin.path as string, a.id), { log });
  return files.map((file) => ({ file, id: ids.get(file) as string })).filter((f) => f.id);
}

/** Waits until `expected` distinct articles have extractions and both store consumers are drained. */
async function waitStored(stack: StackProcess, expected: number, timeoutMs: number): Promise<void> {
  const bus = await openBus(loadConfig(natsConfigSchema, { NATS_URL: stack.natsUrl }), 'bench', log);
  const c = createCatalogue();
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const info = await bus.jsm.streams.info(c.streams.extractions.name, {
        subjects_filter: c.articlesExtracted,
      });
      const completions = info.state.subjects?.[c.articlesExtracted] ?? 0;
      if (completions >= expected) {
        const a = await bus.jsm.consumers.info(c.streams.articles.name, c.consumers.storeArticles.durable);
        const x = await bus.jsm.consumers.info(
          c.streams.extractions.name,
          c.consumers.storeExtractions.durable,
        );
        if (a.num_pending + a.num_ack_pending + x.num_pending + x.num_ack_pending === 0) return;
      }
      if (Date.now() > until)
        throw new Error(`only ${completions}/${expected} articles extracted after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await bus.close();
  }
}

async function completedAt(stack: StackProcess, id: string): Promise<number | undefined> {
  const res = await fetch(`${stack.apiUrl}/v1/articles/${id}`);
  if (!res.ok) return undefined;
  const body = (await res.json()) as { extractedAt?: string | null; extraction?: string };
  return body.extractedAt ? Date.parse(body.extractedAt) : undefined;
}

async function run(label: string, env: Record<string, string>) {
  const perRun = RATE * SECONDS;
  const { source, texts } = loadArticles(N + 2 * perRun);
  if (texts.length < N + 2 * perRun) {
    // The latency runs need articles not stored before: a repeated text is the same article.
    throw new Error(
      `${source} has ${texts.length} articles; --articles ${N} plus 2 x ${perRun} for the latency runs ` +
        `(--rate ${RATE} x --seconds ${SECONDS}) needs ${N + 2 * perRun}: lower --articles`,
    );
  }
  const stack = await startStackProcess(env);
  let peak: Record<string, number> = {};
  const sampler = setInterval(async () => {
    const now = await stack.peakMemoryKb();
    for (const [k, v] of Object.entries(now)) peak[k] = Math.max(peak[k] ?? 0, v);
  }, 500);
  try {
    // 1. Throughput: N files appear at once (written elsewhere, renamed in, as writers should).
    const bulk = await stage(join(stack.dir, 'staging'), texts.slice(0, N), 'bulk');
    const unique = new Set(bulk.map((f) => f.id)).size;
    const cpu0 = stack.cpuMs();
    const t0 = performance.now();
    for (const f of bulk) renameSync(f.file, join(stack.inbox, f.file.split('/').pop() as string));
    await waitStored(stack, unique, 600_000);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = stack.cpuMs();
    const cpuMsPerArticle = Object.fromEntries(
      Object.entries(cpu1).map(([k, v]) => [k, Math.round(((v - (cpu0[k] ?? 0)) / unique) * 10) / 10]),
    );

    // 2. Latency at a steady rate, twice; latency = stored-with-extraction time - the moment the file appeared.
    const stored = new Set(bulk.map((f) => f.id));
    const latency = async (slice: string[], name: string, fresh: boolean) => {
      const staged = await stage(join(stack.dir, name), slice, name);
      // Files written earlier appear complete: let the newest pass the stability window before the first appears.
      if (!fresh) await new Promise((r) => setTimeout(r, STABLE_FOR_MS + 200));
      const dropped = new Map<string, number>();
      const start = Date.now();
      for (let i = 0; i < staged.length; i++) {
        const due = start + (i * 1000) / RATE;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const f = staged[i] as { file: string; id: string };
        // "Fresh": written now, renamed in at once, as a writer following the README does.
        if (fresh) writeFileSync(f.file, readFileSync(f.file));
        // An article stored before (a repeated text) would complete before it appears: not a latency.
        if (!dropped.has(f.id) && !stored.has(f.id)) dropped.set(f.id, Date.now());
        renameSync(f.file, join(stack.inbox, f.file.split('/').pop() as string));
      }
      for (const id of dropped.keys()) stored.add(id);
      await waitStored(stack, stored.size, 120_000);
      const ms: number[] = [];
      for (const [id, t] of dropped) {
        const done = await completedAt(stack, id);
        if (done !== undefined) ms.push(done - t);
      }
      return {
        rate: RATE,
        measured: ms.length,
        p50: quantile(ms, 0.5),
        p95: quantile(ms, 0.95),
        p99: quantile(ms, 0.99),
      };
    };
    const complete = await latency(texts.slice(N, N + perRun), 'complete', false);
    const fresh = await latency(texts.slice(N + perRun, N + 2 * perRun), 'fresh', true);
    clearInterval(sampler);
    const mem = await stack.peakMemoryKb();
    for (const [k, v] of Object.entries(mem)) peak[k] = Math.max(peak[k] ?? 0, v);
    return {
      label,
      source,
      articles: unique,
      seconds: Math.round(seconds * 100) / 100,
      articlesPerSecond: Math.round((unique / seconds) * 10) / 10,
      /** Files written at least the stability window before they appear (renamed in complete). */
      latency: complete,
      /** Files written the moment before they are renamed in: ingest waits out the stability window. */
      latencyFresh: fresh,
      cpuMsPerArticle,
      peakRssMb: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v / 1024)])),
    };
  } finally {
    clearInterval(sampler);
    peak = {};
    await stack.stop();
  }
}

const results = [await run('embedded (SQLite)', {})];
if (!values['no-postgres']) {
  const pg = await startPostgres();
  try {
    results.push(await run('PostgreSQL', { DATABASE_URL: pg.url }));
  } finally {
    await pg.stop();
  }
}
/** `store 12.6 ms, extract 11.2 ms, ...; 26.9 ms in all` */
function cpuSummary(perService: Record<string, number>): string {
  const total = Object.values(perService).reduce((a, b) => a + b, 0);
  const parts = Object.entries(perService).map(([k, v]) => `${k} ${v} ms`);
  return `${parts.join(', ')}; ${Math.round(total * 10) / 10} ms in all`;
}

for (const r of results) {
  printTable(`end to end, ${r.label}: ${r.articles} articles from ${r.source}`, [
    ['throughput', `${r.articlesPerSecond} articles/s (${r.seconds} s until all stored)`],
    [
      `latency at ${r.latency.rate}/s, files written earlier`,
      `p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms, p99 ${r.latency.p99} ms (${r.latency.measured} articles)`,
    ],
    [
      `latency at ${r.latencyFresh.rate}/s, files just written`,
      `p50 ${r.latencyFresh.p50} ms, p95 ${r.latencyFresh.p95} ms, p99 ${r.latencyFresh.p99} ms ` +
        `(${r.latencyFresh.measured} articles; includes the ${STABLE_FOR_MS} ms stability window)`,
    ],
    ['CPU per article (throughput run)', cpuSummary(r.cpuMsPerArticle)],
    [
      'peak RSS',
      Object.entries(r.peakRssMb)
        .map(([k, v]) => `${k} ${v} MB`)
        .join(', '),
    ],
  ]);
}
const out =
  values.out ?? join('bench', 'results', `e2e-${new Date().toISOString().replaceAll(':', '-')}.json`);
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
process.stdout.write(`\nresults written to ${out}\n`);
