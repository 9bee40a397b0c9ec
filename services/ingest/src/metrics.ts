import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The ingest service's Prometheus metrics, on a registry of its own (no global state). */
export interface IngestMetrics {
  registry: Registry;
  filesSeen: Counter<never>;
  filesDone: Counter<'result'>;
  articlesPublished: Counter<'origin'>;
  duplicates: Counter<'origin' | 'via'>;
  rejections: Counter<'reason' | 'origin'>;
  publishSeconds: Histogram<never>;
  queueDepth: Gauge<never>;
}

/** Creates the metrics; `defaults` adds the process metrics (CPU, memory, event loop lag). */
export function createMetrics(options: { defaults?: boolean } = {}): IngestMetrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'newsflow_ingest_' });
  const registers = [registry];
  return {
    registry,
    filesSeen: new Counter({
      name: 'newsflow_ingest_files_seen_total',
      help: 'Inbox files picked up for processing',
      registers,
    }),
    filesDone: new Counter({
      name: 'newsflow_ingest_files_total',
      help: 'Inbox files finished, by result (processed, failed)',
      labelNames: ['result'],
      registers,
    }),
    articlesPublished: new Counter({
      name: 'newsflow_ingest_articles_published_total',
      help: 'Articles stored by JetStream as new messages, by origin (file, http, cli)',
      labelNames: ['origin'],
      registers,
    }),
    duplicates: new Counter({
      name: 'newsflow_ingest_duplicates_total',
      help: 'Articles already ingested, by origin and by who noticed (ledger, jetstream)',
      labelNames: ['origin', 'via'],
      registers,
    }),
    rejections: new Counter({
      name: 'newsflow_ingest_rejections_total',
      help: 'Inputs refused, by reason code and origin',
      labelNames: ['reason', 'origin'],
      registers,
    }),
    publishSeconds: new Histogram({
      name: 'newsflow_ingest_publish_duration_seconds',
      help: 'Time from publish to JetStream acknowledgement',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'newsflow_ingest_queue_depth',
      help: 'Inbox files waiting or in progress',
      registers,
    }),
  };
}
