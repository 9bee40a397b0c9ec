import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@newsflow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../testing.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openSqlite, toSqlitePlaceholders, WAL_CHECKPOINT_PAGES } from './sqlite.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-migrate-'));
  dirs.push(dir);
  return join(dir, 'newsflow.db');
};

describe('migrations (embedded engine)', () => {
  it('applies every migration once and records it', async () => {
    const db = openSqlite(tempFile());
    const first = await migrate(db, silentLogger());
    expect(first).toEqual(loadMigrations('sqlite').map((m) => m.version));
    expect(await migrate(db, silentLogger())).toEqual([]);
    expect(await db.all('SELECT version, name FROM schema_migrations')).toEqual([
      { version: 1, name: 'init' },
      { version: 2, name: 'covering-indexes' },
    ]);
    await db.close();
  });

  it("logs each migration under `migration`, leaving the logger's own `name` alone", async () => {
    let out = '';
    const destination = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const db = openSqlite(tempFile());
    await migrate(db, createLogger({ name: 'newsflow-store', level: 'info', destination }));
    await db.close();
    const lines = out
      .split('\n')
      .filter((l) => l.includes('migration applied'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.name, l.migration])).toEqual([
      ['newsflow-store', 'init'],
      ['newsflow-store', 'covering-indexes'],
    ]);
  });

  it('opens the database without the ExperimentalWarning of node:sqlite; other warnings still print', async () => {
    const code = `
      import { openSqlite } from ${JSON.stringify(join(import.meta.dirname, 'sqlite.ts'))};
      const db = openSqlite(${JSON.stringify(tempFile())});
      await db.close();
      process.emitWarning('still here', 'ExperimentalWarning');`;
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', code], (err, _stdout, errOut) =>
        err ? reject(err) : resolve(errOut),
      );
    });
    expect(stderr).not.toMatch(/SQLite is an experimental feature/);
    expect(stderr).toMatch(/ExperimentalWarning: still here/);
  });

  it('applies migrations exactly once when two replicas (processes) start at once on one file', async () => {
    const file = tempFile();
    // Two processes, as two replicas would be; in one thread SQLite's busy wait would block the other.
    const code = `
      import { migrate } from ${JSON.stringify(join(import.meta.dirname, 'migrate.ts'))};
      import { openSqlite } from ${JSON.stringify(join(import.meta.dirname, 'sqlite.ts'))};
      import { silentLogger } from ${JSON.stringify(join(import.meta.dirname, '..', 'testing.ts'))};
      const db = openSqlite(${JSON.stringify(file)});
      process.stdout.write(JSON.stringify(await migrate(db, silentLogger())));
      await db.close();`;
    const run = () =>
      new Promise<number[]>((resolve, reject) => {
        execFile(process.execPath, ['--no-warnings', '--input-type=module', '-e', code], (err, stdout) =>
          err ? reject(err) : resolve(JSON.parse(stdout) as number[]),
        );
      });
    const [ra, rb] = await Promise.all([run(), run()]);
    expect([...ra, ...rb].sort((a, b) => a - b)).toEqual(loadMigrations('sqlite').map((m) => m.version));
  });

  it('rolls a failing transaction back completely', async () => {
    const db = openSqlite(tempFile());
    await migrate(db, silentLogger());
    await expect(
      db.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO processed_messages (message_id, type, processed_at) VALUES ('m1', 't', 'now')",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.all('SELECT * FROM processed_messages')).toEqual([]);
    await db.close();
  });

  it('opens the writer in WAL mode, syncing every commit, checkpointing every WAL_CHECKPOINT_PAGES', async () => {
    const db = openSqlite(tempFile());
    const settings = await db.transaction(async (tx) => ({
      journal: await tx.get('PRAGMA journal_mode'),
      synchronous: await tx.get('PRAGMA synchronous'),
      checkpoint: await tx.get('PRAGMA wal_autocheckpoint'),
    }));
    expect(settings).toEqual({
      journal: { journal_mode: 'wal' },
      synchronous: { synchronous: 2 }, // FULL
      checkpoint: { wal_autocheckpoint: WAL_CHECKPOINT_PAGES },
    });
    await db.close();
  });

  it('translates $n placeholders to SQLite numbered parameters', () => {
    expect(toSqlitePlaceholders('SELECT $1, $2, $10')).toBe('SELECT ?1, ?2, ?10');
  });
});
