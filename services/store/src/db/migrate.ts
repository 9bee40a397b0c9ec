import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@newsflow/shared';
import type { Db, Dialect } from './types.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const FILE = /^(\d{3})-([a-z0-9-]+?)(?:\.(sqlite|postgres))?\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations for a dialect, in order: `NNN-name.sql` is shared; `NNN-name.<dialect>.sql`, when present,
 * replaces it for that dialect (the few places where SQLite and PostgreSQL differ).
 */
export function loadMigrations(dialect: Dialect, dir = MIGRATIONS_DIR): Migration[] {
  const byVersion = new Map<number, Migration & { specific: boolean }>();
  for (const file of readdirSync(dir).sort()) {
    const m = FILE.exec(file);
    if (!m) continue;
    const [, num, name, only] = m;
    if (only && only !== dialect) continue;
    const version = Number(num);
    const existing = byVersion.get(version);
    if (existing?.specific) continue;
    byVersion.set(version, {
      version,
      name: name as string,
      sql: readFileSync(join(dir, file), 'utf8'),
      specific: Boolean(only),
    });
  }
  return [...byVersion.values()]
    .sort((a, b) => a.version - b.version)
    .map(({ version, name, sql }) => ({ version, name, sql }));
}

/**
 * Applies pending migrations in one transaction under the migration lock, so two replicas starting at once
 * apply each migration exactly once (the second waits, then finds nothing to do). Returns the versions applied.
 */
export async function migrate(
  db: Db,
  log: Logger,
  migrations = loadMigrations(db.dialect),
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
      // `migration`, not `name`: pino's own `name` field holds the logger's name.
      log.info({ version: m.version, migration: m.name }, 'migration applied');
    }
    return applied;
  }, 'migrate');
}
