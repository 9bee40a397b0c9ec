import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArticleRawV1,
  type ArticleRejectedV1,
  type Bus,
  createLogger,
  type Logger,
  loadConfig,
  natsConfigSchema,
  openBus,
} from '@newsflow/shared';
import { countOnSubject, readSubject, uniqueNamespace } from '@newsflow/shared/testing';
import { type IngestConfig, loadIngestConfig } from '../config.ts';
import type { FileSummary } from '../files/summary.ts';
import { createIngestService, type IngestService, type IngestServiceDeps } from '../service.ts';

/** Re-exported for the ingest tests: a namespace of its own per test. */
export { uniqueNamespace };

/** Test-friendly settings: quick stability window, random HTTP port, quiet logs. */
export function testEnv(
  natsUrl: string,
  namespace: string,
  inbox: string,
  extra: Record<string, string> = {},
) {
  return {
    NATS_URL: natsUrl,
    NEWSFLOW_NAMESPACE: namespace,
    NEWSFLOW_INBOX: inbox,
    NEWSFLOW_INGEST_STABLE_FOR: '150ms',
    NEWSFLOW_INGEST_RESCAN: '1s',
    NEWSFLOW_INGEST_PORT: '0',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** A temporary inbox, a bus on its own namespace, and helpers to read back what was published. */
export interface IngestHarness {
  dir: string;
  inbox: string;
  namespace: string;
  bus: Bus;
  log: Logger;
  config(extra?: Record<string, string>): IngestConfig;
  /** Starts an ingest service on this inbox; `files` collects the summaries of finished files. */
  start(
    extra?: Record<string, string>,
    deps?: Partial<IngestServiceDeps>,
  ): Promise<{ service: IngestService; files: FileSummary[] }>;
  count(subject: string): Promise<number>;
  read<T>(subject: string, expected: number): Promise<T[]>;
  raw(expected: number): Promise<ArticleRawV1[]>;
  rejected(expected: number): Promise<ArticleRejectedV1[]>;
  /**
   * Puts a copy of `source` into the inbox as `name` the way writers should: written beside the inbox, then
   * renamed in, so the service never sees it half-written (an in-place copy can be caught empty or partial when
   * the machine is loaded, since tests run with a 150 ms stability window).
   */
  drop(source: string, name: string): Promise<void>;
  listFiles(sub: string): Promise<string[]>;
  readJson(path: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function createHarness(natsUrl: string): Promise<IngestHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-int-'));
  const inbox = join(dir, 'inbox');
  await mkdir(inbox);
  const namespace = uniqueNamespace();
  const log = createLogger({ name: 'ingest-test', level: 'warn', pretty: false });
  const bus = await openBus(
    loadConfig(natsConfigSchema, { NATS_URL: natsUrl, NEWSFLOW_NAMESPACE: namespace }),
    'ingest-test',
    log,
  );
  const services: IngestService[] = [];
  const stream = bus.catalogue.streams.articles.name;
  let dropped = 0;

  const h: IngestHarness = {
    dir,
    inbox,
    namespace,
    bus,
    log,
    config: (extra = {}) => loadIngestConfig(testEnv(natsUrl, namespace, inbox, extra), dir),
    async start(extra = {}, deps = {}) {
      const files: FileSummary[] = [];
      const service = createIngestService({
        config: h.config(extra),
        log,
        bus,
        onFile: (s) => files.push(s),
        ...deps,
      });
      services.push(service);
      await service.start();
      return { service, files };
    },
    count: (subject) => countOnSubject(bus, stream, subject),
    read: <T>(subject: string, expected: number) => readSubject<T>(bus, stream, subject, expected),
    raw: (expected) => h.read<ArticleRawV1>(bus.catalogue.articlesRaw, expected),
    rejected: (expected) => h.read<ArticleRejectedV1>(bus.catalogue.articlesRejected, expected),
    async drop(source, name) {
      const staging = join(dir, 'staging');
      await mkdir(staging, { recursive: true });
      const staged = join(staging, `${++dropped}-${name}`);
      await copyFile(source, staged);
      await rename(staged, join(inbox, name));
    },
    async listFiles(sub) {
      const root = join(dir, sub);
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => !e.isDirectory())
        .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
        .sort();
    },
    readJson: async (path) => JSON.parse(await readFile(path, 'utf8')),
    async close() {
      for (const s of services) await s.stop();
      await bus.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}
