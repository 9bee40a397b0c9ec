import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in services/ingest/test-fixtures/. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));

/** Bytes of a file in services/ingest/test-fixtures/. */
export const fixture = (name: string): Buffer => readFileSync(fixturePath(name));

/** Absolute path of a seed article in the repository's seeds/ folder. */
export const seedPath = (name: string): string =>
  fileURLToPath(new URL(`../../../../seeds/${name}`, import.meta.url));

export const SEEDS = ['000_5b10a9bad318bf07.txt', '001_1ea5e807f02e7703.txt'] as const;
