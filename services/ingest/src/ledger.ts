import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One published article as the ledger remembers it. */
export interface LedgerEntry {
  id: string;
  contentHash: string;
  /** Stream sequence of the first publish. */
  seq: number;
  /** Where it came from: inbox-relative path (with `#line` for JSONL), CLI path or `http`. */
  from: string;
  at: string;
}

/**
 * Article ids this ingest has seen acknowledged by JetStream, kept in an append-only JSONL file. It lets ingest
 * answer "duplicate" without publishing even after the server's duplicate window has passed, and, with
 * processed/, is the record to re-publish from. Losing it is harmless: ids are deterministic and the server and
 * the store dedupe.
 */
export interface Ledger {
  has(id: string): boolean;
  /** Appends entries (no fsync: see above). */
  record(entries: readonly LedgerEntry[]): Promise<void>;
  readonly size: number;
  close(): Promise<void>;
}

/** An in-memory ledger (no file): for the CLI one-shot and tests. */
export function memoryLedger(): Ledger {
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    record: async (entries) => {
      for (const e of entries) ids.add(e.id);
    },
    get size() {
      return ids.size;
    },
    close: async () => {},
  };
}

/** Opens (creating if needed) the ledger file; a torn last line from a crash is skipped. */
export async function openFileLedger(path: string): Promise<Ledger> {
  await mkdir(dirname(path), { recursive: true });
  const ids = new Set<string>();
  const existing = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  for (const line of existing.split('\n')) {
    try {
      const entry = JSON.parse(line) as Partial<LedgerEntry>;
      if (typeof entry.id === 'string') ids.add(entry.id);
    } catch {
      // a torn line from a crash mid-append
    }
  }
  const handle = await open(path, 'a');
  // A torn line must not glue itself to the next entry.
  if (existing !== '' && !existing.endsWith('\n')) await handle.appendFile('\n');
  let writing: Promise<void> = Promise.resolve();
  return {
    has: (id) => ids.has(id),
    record(entries) {
      if (entries.length === 0) return writing;
      for (const e of entries) ids.add(e.id);
      const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
      writing = writing.then(() => handle.appendFile(text));
      return writing;
    },
    get size() {
      return ids.size;
    },
    async close() {
      await writing;
      await handle.close();
    },
  };
}
