import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createIngestService,
  type FileHooks,
  type FileSummary,
  type IngestService,
  loadIngestConfig,
} from '@newsflow/ingest';
import { countOnSubject, readSubject as readFromStream } from '@newsflow/shared/testing';
import { silentLog, testBus } from '../../helpers.ts';

/** A real ingest service (in-process, real NATS) on a temporary inbox, for hostile-input tests. */
export interface RunningIngest {
  service: IngestService;
  /** `http://127.0.0.1:<port>` when HTTP is enabled. */
  url: string;
  dir: string;
  inbox: string;
  env: Record<string, string>;
  bus: Awaited<ReturnType<typeof testBus>>['bus'];
  /** Summaries of finished inbox files, in order. */
  files: FileSummary[];
  /** Stops the service, deletes its streams and the temporary folder. */
  close(): Promise<void>;
}

/**
 * Starts ingest with test-friendly settings (quick stability window, random port) plus `extra` env; `before`
 * runs on the empty inbox before the service starts (files present at start-up).
 */
export async function startIngest(
  natsUrl: string,
  extra: Record<string, string> = {},
  opts: { hooks?: FileHooks; before?: (inbox: string, dir: string) => Promise<void> } = {},
): Promise<RunningIngest> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-ingest-'));
  const inbox = join(dir, 'inbox');
  await mkdir(inbox);
  await opts.before?.(inbox, dir);
  const t = await testBus(natsUrl);
  const env = {
    ...t.env,
    NEWSFLOW_INBOX: inbox,
    NEWSFLOW_INGEST_STABLE_FOR: '100ms',
    NEWSFLOW_INGEST_RESCAN: '1s',
    NEWSFLOW_INGEST_PORT: '0',
    LOG_LEVEL: 'silent',
    ...extra,
  };
  const files: FileSummary[] = [];
  const service = createIngestService({
    config: loadIngestConfig(env, dir),
    log: silentLog,
    bus: t.bus,
    onFile: (s) => files.push(s),
    ...(opts.hooks ? { hooks: opts.hooks } : {}),
  });
  await service.start();
  return {
    service,
    url: service.httpUrl ?? '',
    dir,
    inbox,
    env,
    bus: t.bus,
    files,
    async close() {
      await service.stop();
      await t.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file (not directory) under `root`, as paths relative to it, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** Number of messages stored on a subject of the articles stream. */
export function countOn(bus: RunningIngest['bus'], subject: string): Promise<number> {
  return countOnSubject(bus, bus.catalogue.streams.articles.name, subject);
}

/** Reads `expected` messages of a subject of the articles stream (fewer if the stream holds fewer). */
export function readSubject<T>(bus: RunningIngest['bus'], subject: string, expected: number): Promise<T[]> {
  return readFromStream<T>(bus, bus.catalogue.streams.articles.name, subject, expected);
}
