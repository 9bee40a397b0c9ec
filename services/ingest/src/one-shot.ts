import { type Bus, type Logger, openBus } from '@newsflow/shared';
import type { IngestConfig } from './config.ts';
import { type IngestPathsResult, ingestPaths } from './ingest-paths.ts';
import { memoryLedger } from './ledger.ts';
import { createMetrics } from './metrics.ts';
import { createArticleSink } from './sink.ts';

/**
 * `newsflow ingest PATH...` in one call: connects (or uses `bus`), publishes the paths, closes what it opened.
 * Uses an in-memory ledger, so only the server's duplicate window (and the store) dedupe across runs.
 */
export async function runIngestOnce(
  paths: readonly string[],
  deps: { config: IngestConfig; log: Logger; bus?: Bus; listArticles?: number },
): Promise<IngestPathsResult> {
  const log = deps.log.child({ svc: 'ingest', mode: 'once' });
  const bus = deps.bus ?? (await openBus(deps.config.env, 'newsflow-ingest-cli', log));
  try {
    const metrics = createMetrics({ defaults: false });
    const sink = createArticleSink({
      publisher: bus.publisher,
      ledger: memoryLedger(),
      metrics,
      log,
      maxMessageBytes: deps.config.env.NEWSFLOW_MAX_MESSAGE_BYTES,
      now: () => new Date(),
    });
    return await ingestPaths(paths, {
      sink,
      limits: deps.config.limits,
      log,
      metrics,
      ...(deps.listArticles !== undefined ? { listArticles: deps.listArticles } : {}),
    });
  } finally {
    if (!deps.bus) await bus.close();
  }
}
