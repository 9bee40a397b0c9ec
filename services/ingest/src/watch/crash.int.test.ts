import { spawn } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { SEEDS, seedPath } from '../testing/fixtures.ts';
import { createHarness, type IngestHarness } from '../testing/harness.ts';

const CHILD = fileURLToPath(new URL('../testing/crash-child.ts', import.meta.url));

let h: IngestHarness;
beforeEach(async () => {
  h = await createHarness(inject('natsUrl'));
});
afterEach(async () => {
  await h.close();
});

/** Runs the crash child until it kills itself; resolves with its stdout and the signal that ended it. */
function runCrashChild(ledger: 'on' | 'off'): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, inject('natsUrl'), h.namespace, h.inbox, ledger], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve({ signal, stdout }));
  });
}

describe('a crash between publish and move', () => {
  it.each([
    'on',
    'off',
  ] as const)('loses nothing and doubles nothing after restart (ledger %s)', async (ledger) => {
    await copyFile(seedPath(SEEDS[0]), join(h.inbox, 'a.txt'));
    await copyFile(seedPath(SEEDS[1]), join(h.inbox, 'b.txt'));

    const crashed = await runCrashChild(ledger);
    expect(crashed).toEqual({ signal: 'SIGKILL', stdout: 'published\n' });
    // The acknowledged article is in the stream, and its file is still in the inbox.
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(1);
    expect(await h.listFiles('inbox')).toEqual(expect.arrayContaining(['a.txt', 'b.txt']));

    const { files } = await h.start(ledger === 'off' ? { NEWSFLOW_INGEST_LEDGER: 'off' } : {});
    await waitFor(() => files.length === 2, 'both files processed after restart');

    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(2);
    const ids = (await h.raw(2)).map((m) => m.data.id);
    expect(new Set(ids).size).toBe(2);
    expect(files.flatMap((f) => f.articles.map((a) => a.duplicate)).sort()).toEqual([false, true]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await h.listFiles(`inbox/processed/${today}`)).toEqual(['a.txt', 'b.txt']);
  });
});
