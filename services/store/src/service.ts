import {
  type Bus,
  DEFAULT_CONSUMER_SETTINGS,
  type Logger,
  openBus,
  provisionConsumer,
  type RunningConsumer,
  startConsumer,
} from '@newsflow/shared';
import type { FastifyInstance } from 'fastify';
import { buildApi } from './api/server.ts';
import { mergeSettingsFrom, type StoreConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';
import type { Db } from './db/types.ts';
import { createArticleHandler } from './handlers/article.ts';
import { createBatcher } from './handlers/batcher.ts';
import { DEFAULT_MERGE_SETTINGS, type HandlerDeps } from './handlers/deps.ts';
import { createExtractionHandler, EXTRACTION_TYPES } from './handlers/extraction.ts';
import { createMetrics } from './metrics.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.ts';

/** A running store: database, NATS consumers, outbox relay and HTTP API. */
export interface StoreService {
  db: Db;
  bus: Bus;
  api: FastifyInstance;
  /** Base URL of the query API, e.g. `http://127.0.0.1:8080`. */
  apiUrl: string;
  consumers: RunningConsumer[];
  relay: OutboxRelay;
  /** Stops taking messages, finishes in-flight ones, publishes pending story updates, closes everything. */
  stop(): Promise<void>;
}

/** Opens the database (migrating it), connects to NATS, starts both consumers and the API. */
export async function startStore(config: StoreConfig, log: Logger): Promise<StoreService> {
  const db = openDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.NEWSFLOW_DATA_DIR,
    poolSize: config.NEWSFLOW_DB_POOL_SIZE,
    sqliteSynchronous: config.NEWSFLOW_SQLITE_SYNCHRONOUS,
  });
  const closers: Array<() => Promise<void>> = [() => db.close()];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse())
      await close().catch((err) => log.error({ err }, 'close failed'));
  };
  try {
    const applied = await migrate(db, log);
    log.info({ engine: db.dialect, location: db.location, applied }, 'database ready');
    const metrics = createMetrics();
    const bus = await openBus(config, 'newsflow-store', log);
    closers.push(() => bus.close());
    const relay = createOutboxRelay({
      db,
      publisher: bus.publisher,
      log: log.child({ component: 'outbox' }),
      metrics,
    });
    closers.push(() => relay.stop());
    relay.kick();
    const batcher = createBatcher(
      db,
      { maxBatch: config.NEWSFLOW_STORE_BATCH_SIZE, maxDelayMs: config.NEWSFLOW_STORE_BATCH_DELAY },
      (b) => {
        metrics.batchSize.observe(b.size);
        metrics.batchSeconds.observe(b.seconds);
      },
    );
    const deps: HandlerDeps = {
      db,
      batcher,
      log: log.child({ component: 'handlers' }),
      settings: mergeSettingsFrom(config, DEFAULT_MERGE_SETTINGS),
      metrics,
      onStoryUpdates: () => relay.kick(),
    };
    const consumers: RunningConsumer[] = [];
    const specs = [bus.catalogue.consumers.storeArticles, bus.catalogue.consumers.storeExtractions];
    if (config.NEWSFLOW_STORE_CONSUME) {
      const settings = {
        ...DEFAULT_CONSUMER_SETTINGS,
        maxDeliver: config.NEWSFLOW_STORE_MAX_DELIVER,
        ackWaitMs: config.NEWSFLOW_STORE_ACK_WAIT,
      };
      for (const spec of specs) {
        await provisionConsumer(
          bus.jsm,
          bus.catalogue.streams[spec.stream].name,
          spec.durable,
          spec.filter,
          settings,
        );
      }
      const common = {
        js: bus.js,
        service: 'store' as const,
        publisher: bus.publisher,
        log,
        concurrency: config.NEWSFLOW_STORE_CONCURRENCY,
        maxDeliver: config.NEWSFLOW_STORE_MAX_DELIVER,
      };
      const [articles, extractions] = specs as [(typeof specs)[0], (typeof specs)[0]];
      consumers.push(
        await startConsumer({
          ...common,
          stream: bus.catalogue.streams[articles.stream].name,
          durable: articles.durable,
          accept: ['news.article.raw.v1'],
          handler: createArticleHandler(deps),
        }),
        await startConsumer({
          ...common,
          stream: bus.catalogue.streams[extractions.stream].name,
          durable: extractions.durable,
          accept: EXTRACTION_TYPES,
          handler: createExtractionHandler(deps),
        }),
      );
      closers.push(async () => {
        await Promise.all(consumers.map((c) => c.stop()));
      });
    }
    const api = buildApi({
      db,
      log,
      metrics,
      token: config.NEWSFLOW_API_TOKEN,
      ready: async () => ({ nats: !bus.nc.isClosed() }),
      beforeScrape: async () => {
        if (!config.NEWSFLOW_STORE_CONSUME) return;
        for (const spec of specs) {
          const info = await bus.jsm.consumers.info(bus.catalogue.streams[spec.stream].name, spec.durable);
          metrics.consumerPending.set({ durable: spec.durable }, info.num_pending);
          metrics.consumerAckPending.set({ durable: spec.durable }, info.num_ack_pending);
        }
      },
    });
    closers.push(() => api.close());
    const address = await api.listen({ host: config.NEWSFLOW_API_HOST, port: config.NEWSFLOW_API_PORT });
    log.info({ address }, 'query API listening');
    return {
      db,
      bus,
      api,
      apiUrl: address.replace('[::1]', '127.0.0.1'),
      consumers,
      relay,
      stop: async () => {
        // Closers run last-in first-out: API, consumers (in-flight finish and ack), relay, NATS drain, database.
        const apiClose = closers.pop();
        await apiClose?.();
        const consumersStop = config.NEWSFLOW_STORE_CONSUME ? closers.pop() : undefined;
        await consumersStop?.();
        await relay.flush().catch((err) => log.warn({ err }, 'final story update publish failed'));
        await closeAll();
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
