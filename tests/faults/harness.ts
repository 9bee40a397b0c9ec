import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bus, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import {
  freePort,
  type LocalNatsServer,
  silentLogger,
  startNatsServer,
  uniqueNamespace,
} from '@newsflow/shared/testing';
import { type ServiceKind, type ServiceProcess, serviceProcess } from './service-process.ts';

/** Options of a fault-test stack. */
export interface FaultStackOptions {
  /** Extract replicas sharing the durable consumer (default 1). */
  extractReplicas?: number;
  /** PostgreSQL URL for the store (default: the embedded SQLite file in the data dir). */
  databaseUrl?: string;
  /** Extra environment per service kind. */
  env?: Partial<Record<ServiceKind, Record<string, string>>>;
  /** Use this NATS server instead of starting one (the stack then cannot kill it). */
  natsUrl?: string;
}

/** nats-server plus store, extract replica(s) and ingest, each its own process, and a bus for checks. */
export interface FaultStack {
  dir: string;
  nats: LocalNatsServer | undefined;
  natsUrl: string;
  namespace: string;
  /** Environment for a CLI or extra client to see the same streams (NATS_URL, NEWSFLOW_NAMESPACE, API URL). */
  env: Record<string, string>;
  store: ServiceProcess;
  extract: ServiceProcess[];
  ingest: ServiceProcess;
  all(): ServiceProcess[];
  /** A connection of the test's own (reconnects after a NATS restart like the services do). */
  bus: Bus;
  dataDir: string;
  inbox: string;
  /** Kills every process, closes the bus, stops NATS and deletes the directory. */
  stop(): Promise<void>;
}

export const quietLog = silentLogger('fault-test');

/** Starts a stack in a temporary directory on free loopback ports: NATS, store, extract x N, ingest. */
export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-faults-'));
  const declared: ServiceProcess[] = [];
  let nats: LocalNatsServer | undefined;
  let bus: Bus | undefined;
  try {
    nats = options.natsUrl ? undefined : await startNatsServer({ storeDir: join(dir, 'nats') });
    const natsUrl = options.natsUrl ?? (nats as LocalNatsServer).url;
    const namespace = uniqueNamespace();
    const common = { NATS_URL: natsUrl, NEWSFLOW_NAMESPACE: namespace, LOG_LEVEL: 'warn' };
    const dataDir = join(dir, 'data');
    const inbox = join(dir, 'inbox');
    const apiPort = await freePort();
    const store = serviceProcess(
      'store',
      'store',
      {
        ...common,
        NEWSFLOW_DATA_DIR: dataDir,
        NEWSFLOW_API_PORT: String(apiPort),
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        ...options.env?.store,
      },
      apiPort,
    );
    const extract: ServiceProcess[] = [];
    for (let i = 0; i < (options.extractReplicas ?? 1); i++) {
      const port = await freePort();
      extract.push(
        serviceProcess(
          'extract',
          `extract-${i + 1}`,
          { ...common, NEWSFLOW_EXTRACT_PORT: String(port), ...options.env?.extract },
          port,
        ),
      );
    }
    const ingestPort = await freePort();
    const ingest = serviceProcess(
      'ingest',
      'ingest',
      {
        ...common,
        NEWSFLOW_INBOX: inbox,
        NEWSFLOW_INGEST_PORT: String(ingestPort),
        NEWSFLOW_INGEST_STABLE_FOR: '150ms',
        ...options.env?.ingest,
      },
      ingestPort,
    );
    declared.push(store, ...extract, ingest);
    // Store first so its consumers exist before anything flows; extract replicas start together.
    await store.start();
    await Promise.all(extract.map((e) => e.start()));
    await ingest.start();
    bus = await openBus(loadConfig(natsConfigSchema, common), 'fault-test', quietLog);
    const b = bus;
    const n = nats;
    return {
      dir,
      nats,
      natsUrl,
      namespace,
      env: { ...common, NEWSFLOW_API_URL: store.url },
      store,
      extract,
      ingest,
      all: () => [store, ...extract, ingest],
      bus: b,
      dataDir,
      inbox,
      async stop() {
        await Promise.all([ingest, ...extract, store].map((p) => p.kill('SIGKILL')));
        await b.close().catch(() => undefined);
        await n?.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await Promise.all(declared.map((p) => p.kill('SIGKILL')));
    await bus?.close().catch(() => undefined);
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
