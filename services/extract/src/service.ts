import type { AddressInfo } from 'node:net';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import {
  type Bus,
  type Logger,
  provisionConsumer,
  type RunningConsumer,
  startConsumer,
} from '@newsflow/shared';
import type { ExtractConfig } from './config.ts';
import { createExtractor } from './engine/index.ts';
import { createArticleHandler } from './handler.ts';
import { createHealthServer } from './http.ts';
import { createExtractMetrics } from './metrics.ts';
import { EXTRACTOR_NAME, EXTRACTOR_VERSION } from './version.ts';

/** The extract service: models loaded once, one durable consumer shared by every replica. */
export async function createExtractService(deps: { config: ExtractConfig; bus: Bus; log: Logger }) {
  const { config, bus, log } = deps;
  const metrics = createExtractMetrics();
  const t0 = performance.now();
  const extractor = createExtractor({
    nerTagger: loadNerModel(config.NEWSFLOW_NER_MODEL),
    posTagger: loadPosModel(),
    version: EXTRACTOR_VERSION,
  });
  log.info(
    { ms: Math.round(performance.now() - t0), version: EXTRACTOR_VERSION },
    'extraction models loaded',
  );

  const spec = bus.catalogue.consumers.extract;
  const stream = bus.catalogue.streams[spec.stream].name;
  let consumer: RunningConsumer | undefined;
  const http = createHealthServer({ ready: () => consumer !== undefined, registry: metrics.registry });

  return {
    async start(): Promise<{ port: number }> {
      await new Promise<void>((resolve) =>
        http.listen(config.NEWSFLOW_EXTRACT_PORT, config.NEWSFLOW_EXTRACT_HOST, resolve),
      );
      await provisionConsumer(bus.jsm, stream, spec.durable, spec.filter, {
        maxDeliver: config.NEWSFLOW_EXTRACT_MAX_DELIVER,
        ackWaitMs: config.NEWSFLOW_EXTRACT_ACK_WAIT,
        maxAckPending: 1000,
      });
      consumer = await startConsumer({
        js: bus.js,
        stream,
        durable: spec.durable,
        service: 'extract',
        accept: ['news.article.raw.v1'],
        handler: createArticleHandler({
          extractor,
          publisher: bus.publisher,
          stamp: { name: EXTRACTOR_NAME, version: EXTRACTOR_VERSION },
          log,
          metrics,
        }),
        publisher: bus.publisher,
        log,
        concurrency: config.NEWSFLOW_EXTRACT_CONCURRENCY,
        maxDeliver: config.NEWSFLOW_EXTRACT_MAX_DELIVER,
        workingIntervalMs: Math.max(1000, Math.floor(config.NEWSFLOW_EXTRACT_ACK_WAIT / 3)),
      });
      const port = (http.address() as AddressInfo).port;
      log.info({ port, stream, durable: spec.durable }, 'extract consuming');
      return { port };
    },
    /** Stops taking articles and finishes the ones in flight; the caller drains NATS afterwards. */
    async stop(): Promise<void> {
      await consumer?.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
