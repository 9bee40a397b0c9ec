import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the extract service, on their own registry (no global state). */
export function createExtractMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const articles = new Counter({
    name: 'newsflow_extract_articles_total',
    help: 'Articles extracted',
    registers: [registry],
  });
  const entities = new Counter({
    name: 'newsflow_extract_entities_total',
    help: 'Entity messages published',
    registers: [registry],
  });
  const events = new Counter({
    name: 'newsflow_extract_events_total',
    help: 'Event messages published',
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'newsflow_extract_duration_seconds',
    help: 'Extraction time per article (engine only)',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    observe(seconds: number, entityCount: number, eventCount: number) {
      articles.inc();
      entities.inc(entityCount);
      events.inc(eventCount);
      latency.observe(seconds);
    },
  };
}
export type ExtractMetrics = ReturnType<typeof createExtractMetrics>;
