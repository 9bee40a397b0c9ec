/** Public surface of @newsflow/store (for tests, scripts and embedding). */
export { buildApi } from './api/server.ts';
export { loadStoreConfig, type StoreConfig, storeConfigSchema } from './config.ts';
export { migrate } from './db/migrate.ts';
export { openDb } from './db/open.ts';
export { openPostgres } from './db/postgres.ts';
export { openSqlite, openSqliteFile } from './db/sqlite.ts';
export type { Db, Queryable } from './db/types.ts';
export { createArticleHandler } from './handlers/article.ts';
export { DEFAULT_MERGE_SETTINGS, type HandlerDeps } from './handlers/deps.ts';
export { createExtractionHandler, EXTRACTION_TYPES } from './handlers/extraction.ts';
export { createMetrics } from './metrics.ts';
export { type StoreService, startStore } from './service.ts';
