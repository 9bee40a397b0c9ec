import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileLedger } from './ledger.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-ledger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (id: string) => ({ id, contentHash: 'h', seq: 1, from: 'a.txt', at: '2026-01-01T00:00:00Z' });

describe('openFileLedger', () => {
  it('remembers ids across reopen', async () => {
    const path = join(dir, 'state', 'ledger.jsonl');
    const a = await openFileLedger(path);
    await a.record([entry('art_1'), entry('art_2')]);
    await a.close();
    const b = await openFileLedger(path);
    expect(b.has('art_1') && b.has('art_2')).toBe(true);
    expect(b.has('art_3')).toBe(false);
    await b.close();
  });

  it('survives a torn last line from a crash mid-append', async () => {
    const path = join(dir, 'ledger.jsonl');
    const a = await openFileLedger(path);
    await a.record([entry('art_1')]);
    await a.close();
    await appendFile(path, '{"id":"art_tor');
    const b = await openFileLedger(path);
    await b.record([entry('art_2')]);
    await b.close();
    const c = await openFileLedger(path);
    expect([c.has('art_1'), c.has('art_2'), c.size]).toEqual([true, true, 2]);
    await c.close();
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
  });
});
