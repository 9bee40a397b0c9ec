import { join } from 'node:path';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Db } from './types.ts';

export interface DbSettings {
  /** PostgreSQL connection URL; when absent the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database file. */
  dataDir: string;
  poolSize?: number;
}

/** PostgreSQL when a URL is given, else the embedded SQLite file `<dataDir>/newsflow.db`. */
export function openDb(settings: DbSettings): Db {
  if (settings.databaseUrl) {
    return openPostgres(settings.databaseUrl, settings.poolSize ? { poolSize: settings.poolSize } : {});
  }
  return openSqlite(join(settings.dataDir, 'newsflow.db'));
}
