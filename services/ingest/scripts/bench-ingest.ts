/**
 * Ingest throughput benchmark: articles/s for (1) a folder of N small files and (2) one N-line JSONL file,
 * each through the one-shot path (`newsflow ingest`) and through the inbox watcher, against a real nats-server.
 *
 *   node services/ingest/scripts/bench-ingest.ts [--count 10000] [--runs 3]
 *
 * Uses NATS_URL when set, otherwise starts a throwaway nats-server (needs the binary on PATH). Each case runs on
 * its own namespace (fresh streams), so duplicates never flatter the figures.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { startNatsServer } from '@newsflow/shared/testing';
import { loadIngestConfig } from '../src/config.ts';
import { runIngestOnce } from '../src/one-shot.ts';
import { createIngestService } from '../src/service.ts';
import { syntheticArticle, syntheticJsonl } from '../src/testing/generate.ts';
import { testEnv, uniqueNamespace } from '../src/testing/harness.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.count);
const runs = Number(values.runs);
const log = createLogger({ name: 'bench', level: 'warn', pretty: false });

const server = process.env.NATS_URL ? undefined : await startNatsServer();
const natsUrl = process.env.NATS_URL ?? (server?.url as string);

async function makeFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, j) => {
        const a = syntheticArticle(i + j, 4);
        return writeFile(join(dir, `article-${i + j}.txt`), `${a.title}\n\n${a.text}\nSource: ${a.url}\n`);
      }),
    );
  }
}

async function countRaw(namespace: string): Promise<number> {
  const bus = await openBus(
    loadConfig(natsConfigSchema, { NATS_URL: natsUrl, NEWSFLOW_NAMESPACE: namespace }),
    'bench',
    log,
  );
  try {
    const subject = bus.catalogue.articlesRaw;
    const info = await bus.jsm.streams.info(bus.catalogue.streams.articles.name, {
      subjects_filter: subject,
    });
    return info.state.subjects?.[subject] ?? 0;
  } finally {
    await bus.close();
  }
}

/** One-shot: `newsflow ingest <path>`; returns articles/s. */
async function oneShot(path: string): Promise<number> {
  const namespace = uniqueNamespace();
  const config = loadIngestConfig(testEnv(natsUrl, namespace, path, { LOG_LEVEL: 'warn' }), process.cwd());
  const started = performance.now();
  const result = await runIngestOnce([path], { config, log, listArticles: 0 });
  const seconds = (performance.now() - started) / 1000;
  const stored = await countRaw(namespace);
  if (stored !== count || !result.ok) throw new Error(`expected ${count} articles, stream has ${stored}`);
  return count / seconds;
}

/** Watcher: files already in the inbox at start-up; timed until every file was moved out. */
async function watcher(prepare: (inbox: string) => Promise<void>, files: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-watch-'));
  const inbox = join(dir, 'inbox');
  await prepare(inbox);
  const namespace = uniqueNamespace();
  const config = loadIngestConfig(
    testEnv(natsUrl, namespace, inbox, {
      NEWSFLOW_INGEST_HTTP: 'false',
      NEWSFLOW_INGEST_RESCAN: '1h',
      LOG_LEVEL: 'warn',
    }),
    dir,
  );
  let done = 0;
  let finished: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const service = createIngestService({
    config,
    log,
    onFile: () => {
      if (++done === files) finished();
    },
  });
  const started = performance.now();
  await service.start();
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await service.stop();
  const left = (await readdir(inbox)).filter((n) => n !== 'processed' && !n.startsWith('.'));
  const stored = await countRaw(namespace);
  await rm(dir, { recursive: true, force: true });
  if (stored !== count || left.length > 0)
    throw new Error(`expected ${count} articles, stream has ${stored}; ${left.length} files left`);
  return count / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const work = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
try {
  const folder = join(work, 'folder');
  await makeFolder(folder);
  const jsonl = join(work, 'bulk.jsonl');
  await writeFile(jsonl, syntheticJsonl(count));
  const cases: [string, () => Promise<number>][] = [
    [`one-shot, folder of ${count} small files`, () => oneShot(folder)],
    [`one-shot, one ${count}-line JSONL file`, () => oneShot(jsonl)],
    [
      `watcher, ${count} small files in the inbox at start-up`,
      () => watcher((inbox) => makeFolder(inbox), count),
    ],
    [
      `watcher, one ${count}-line JSONL file`,
      () =>
        watcher(async (inbox) => {
          await mkdir(inbox, { recursive: true });
          await writeFile(join(inbox, 'bulk.jsonl'), syntheticJsonl(count));
        }, 1),
    ],
  ];
  console.log(`nats ${natsUrl}; ${runs} runs per case; median articles/s`);
  for (const [name, run] of cases) {
    const rates: number[] = [];
    for (let i = 0; i < runs; i++) rates.push(await run());
    console.log(
      `${name.padEnd(52)} ${Math.round(median(rates)).toString().padStart(7)} articles/s  (runs: ${rates.map(Math.round).join(', ')})`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
  await server?.stop();
}
