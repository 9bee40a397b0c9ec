import { mkdir } from 'node:fs/promises';
import { type Bus, type Logger, openBus } from '@newsflow/shared';
import type { FastifyInstance } from 'fastify';
import type { IngestConfig } from './config.ts';
import type { FileHooks } from './files/context.ts';
import { createMover } from './files/move.ts';
import type { FileSummary } from './files/summary.ts';
import { createHttpServer } from './http/server.ts';
import { type Ledger, memoryLedger, openFileLedger } from './ledger.ts';
import { createMetrics, type IngestMetrics } from './metrics.ts';
import { createArticleSink } from './sink.ts';
import { createInboxWatcher, type InboxWatcher } from './watch/watcher.ts';

export interface IngestServiceDeps {
  config: IngestConfig;
  log: Logger;
  /** An open bus to use (tests, the all-in-one `newsflow start`); otherwise one is opened and closed here. */
  bus?: Bus;
  metrics?: IngestMetrics;
  now?: () => Date;
  hooks?: FileHooks;
  /** Called after each inbox file is finished. */
  onFile?: (summary: FileSummary) => void;
}

export interface IngestService {
  start(): Promise<void>;
  /**
   * Stops taking work (HTTP, watcher), finishes files in progress (a long JSONL file stops after its current
   * batch and stays in the inbox), closes the ledger, drains NATS. Idempotent.
   */
  stop(): Promise<void>;
  readonly metrics: IngestMetrics;
  /** `http://host:port` once started with HTTP enabled. */
  readonly httpUrl: string | undefined;
  /** Resolves when the watcher has nothing waiting or in progress. */
  idle(): Promise<void>;
}

/** Wires the ingest service from its config; nothing happens until `start()`. */
export function createIngestService(deps: IngestServiceDeps): IngestService {
  const { config } = deps;
  const log = deps.log.child({ svc: 'ingest' });
  const metrics = deps.metrics ?? createMetrics();
  const now = deps.now ?? (() => new Date());
  let bus: Bus | undefined;
  let ledger: Ledger | undefined;
  let watcher: InboxWatcher | undefined;
  let http: FastifyInstance | undefined;
  let httpUrl: string | undefined;
  let stopping: Promise<void> | undefined;

  return {
    metrics,
    get httpUrl() {
      return httpUrl;
    },
    async start() {
      bus = deps.bus ?? (await openBus(config.env, 'newsflow-ingest', log));
      const paths = config.paths;
      await mkdir(paths.inbox, { recursive: true });
      ledger = paths.ledger ? await openFileLedger(paths.ledger) : memoryLedger();
      const sink = createArticleSink({
        publisher: bus.publisher,
        ledger,
        metrics,
        log,
        maxMessageBytes: config.env.NEWSFLOW_MAX_MESSAGE_BYTES,
        now,
      });
      if (config.watch.enabled) {
        watcher = createInboxWatcher({
          inbox: paths.inbox,
          reserved: [paths.processed, paths.failed],
          ...config.watch,
          context: {
            root: paths.inbox,
            origin: 'file',
            limits: config.limits,
            sink,
            mover: createMover(paths),
            log,
            metrics,
            now,
            listArticles: 100,
            ...(deps.hooks ? { hooks: deps.hooks } : {}),
          },
          log: log.child({ component: 'watcher' }),
          ...(deps.onFile ? { onFile: deps.onFile } : {}),
        });
        await watcher.start();
      }
      if (config.http.enabled) {
        const b = bus;
        http = createHttpServer({
          sink,
          metrics,
          log: log.child({ component: 'http' }),
          bodyLimit: config.http.bodyLimit,
          maxArticles: config.http.maxArticles,
          requestTimeoutMs: config.http.requestTimeoutMs,
          ...(config.http.token ? { token: config.http.token } : {}),
          readiness: () => ({
            nats: !b.nc.isClosed() && !b.nc.isDraining(),
            inbox: watcher ? watcher.ready : true,
          }),
        });
        httpUrl = await http.listen({ host: config.http.host, port: config.http.port });
        log.info({ url: httpUrl }, 'HTTP listening');
      }
    },
    stop() {
      stopping ??= (async () => {
        if (http) {
          // In-flight requests finish (their answers close the connection); stragglers are cut after 10 s.
          const server = http.server;
          const cut = setTimeout(() => server.closeAllConnections(), 10_000);
          await http.close();
          clearTimeout(cut);
          log.debug('HTTP closed');
        }
        await watcher?.stop();
        log.debug('watcher stopped');
        await ledger?.close();
        if (bus && !deps.bus) await bus.close();
        log.info('ingest stopped');
      })();
      return stopping;
    },
    idle: () => watcher?.idle() ?? Promise.resolve(),
  };
}
