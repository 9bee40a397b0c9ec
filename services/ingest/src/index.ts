/** Public surface of @newsflow/ingest (used by the CLI and the all-in-one runner). */
export {
  defaultLimits,
  type IngestConfig,
  type IngestLimits,
  ingestConfigSchema,
  loadIngestConfig,
} from './config.ts';
export {
  MoveFailedError,
  PublishFailedError,
  type Rejection,
  type RejectionCode,
} from './errors.ts';
export type { FileHooks } from './files/context.ts';
export type { FileArticle, FileSummary } from './files/summary.ts';
export { type IngestPathsDeps, type IngestPathsResult, ingestPaths } from './ingest-paths.ts';
export { type Ledger, memoryLedger, openFileLedger } from './ledger.ts';
export { createMetrics, type IngestMetrics } from './metrics.ts';
export { parseOffline } from './offline.ts';
export { runIngestOnce } from './one-shot.ts';
export { JsonArticleInput } from './parse/json-input.ts';
export { createIngestService, type IngestService, type IngestServiceDeps } from './service.ts';
export { type ArticleSink, createArticleSink } from './sink.ts';
