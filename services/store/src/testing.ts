import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type AnyMessage, createLogger, type Logger } from '@newsflow/shared';
import { migrate } from './db/migrate.ts';
import { openSqlite } from './db/sqlite.ts';
import type { Db } from './db/types.ts';

/** Helpers shared by the store's tests and scripts. Not imported by the service itself. */

/** A logger that writes nowhere. */
export function silentLogger(): Logger {
  return createLogger({ name: 'test', level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
}

/** The hand-written extraction of the two seed articles (test-fixtures/seeds.json). */
export function seedMessages(): AnyMessage[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'test-fixtures', 'seeds.json'), 'utf8')) as AnyMessage[];
}

/** A migrated embedded database in a fresh temporary directory, and how to remove it. */
export async function tempSqlite(): Promise<{ db: Db; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-store-'));
  const db = openSqlite(join(dir, 'newsflow.db'));
  await migrate(db, silentLogger());
  return {
    db,
    dir,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
