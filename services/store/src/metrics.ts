import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The store's Prometheus metrics, on a registry of their own (no global state). */
export function createMetrics(registry = new Registry()) {
  return {
    registry,
    /** Messages handled, by message type and outcome (`stored` or `duplicate`). */
    messages: new Counter({
      name: 'newsflow_store_messages_total',
      help: 'Messages handled by the store, by type and outcome',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    /** Time from handing a message to the database to its commit (with group commit: waiting for the group too). */
    transactionSeconds: new Histogram({
      name: 'newsflow_store_transaction_seconds',
      help: 'Time from handing one message to the database to the commit that stored it',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    /** Messages per group transaction (group commit). */
    batchSize: new Histogram({
      name: 'newsflow_store_batch_size',
      help: 'Messages committed together in one group transaction',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    /** Duration of one group transaction, BEGIN to COMMIT. */
    batchSeconds: new Histogram({
      name: 'newsflow_store_batch_seconds',
      help: 'Duration of one group transaction, from BEGIN to COMMIT',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    /** Articles merged into stories (all their extraction arrived). */
    articlesMerged: new Counter({
      name: 'newsflow_store_articles_merged_total',
      help: 'Articles whose extraction was complete and merged into stories',
      registers: [registry],
    }),
    /** Messages waiting in each durable consumer (JetStream num_pending), refreshed on scrape. */
    consumerPending: new Gauge({
      name: 'newsflow_store_consumer_pending',
      help: 'Messages not yet delivered to the store, per durable consumer (consumer lag)',
      labelNames: ['durable'] as const,
      registers: [registry],
    }),
    /** Messages delivered but not yet acknowledged, per durable consumer. */
    consumerAckPending: new Gauge({
      name: 'newsflow_store_consumer_ack_pending',
      help: 'Messages delivered to the store and not yet acknowledged, per durable consumer',
      labelNames: ['durable'] as const,
      registers: [registry],
    }),
    /** Story updates waiting in the outbox. */
    outboxPending: new Gauge({
      name: 'newsflow_store_outbox_pending',
      help: 'Story updates committed but not yet published',
      registers: [registry],
    }),
  };
}
export type StoreMetrics = ReturnType<typeof createMetrics>;
