import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Extractor name stamped on every message. */
export const EXTRACTOR_NAME = 'newsflow-extract';

/**
 * Extractor version: the package version. Entity and event ids derive from it, so bump it whenever the engine's
 * output changes; `newsflow replay` then re-extracts stored articles under the new ids.
 */
export const EXTRACTOR_VERSION: string = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
).version;
