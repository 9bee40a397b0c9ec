/** Public surface of @newsflow/extract: the engine and the service factory (for the CLI, tests and benchmarks). */

export { extractConfigSchema } from './config.ts';
export * from './engine/index.ts';
export { createArticleHandler } from './handler.ts';
export { createExtractService } from './service.ts';
export { toMessages } from './to-messages.ts';
export { EXTRACTOR_NAME, EXTRACTOR_VERSION } from './version.ts';
