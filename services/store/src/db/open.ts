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
  /** Embedded engine: FULL syncs every commit to disk; NORMAL (WAL) may lose the last commits on power loss. */
  sqliteSynchronous?: 'FULL' | 'NORMAL' | undefined;
}

/** PostgreSQL when a URL is given, else the embedded SQLite file `<dataDir>/newsflow.db`. */
export function openDb(settings: DbSettings): Db {
  if (settings.databaseUrl) {
    return openPostgres(settings.databaseUrl, settings.poolSize ? { poolSize: settings.poolSize } : {});
  }
  return openSqlite(
    join(settings.dataDir, 'newsflow.db'),
    settings.sqliteSynchronous ? { synchronous: settings.sqliteSynchronous } : {},
  );
}
