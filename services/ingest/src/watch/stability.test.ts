import { appendFile, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForStable } from './stability.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-stable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('waitForStable', () => {
  it('says stable at once for a file last modified longer ago than the window', async () => {
    const path = join(dir, 'old.txt');
    await writeFile(path, 'done');
    const past = new Date(Date.now() - 60_000);
    await utimes(path, past, past);
    const started = Date.now();
    expect(await waitForStable(path, { stableForMs: 5_000, timeoutMs: 10_000 })).toBe('stable');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('waits while a writer keeps appending, and says timeout if it never stops', async () => {
    const path = join(dir, 'growing.txt');
    await writeFile(path, 'start');
    const writer = setInterval(() => void appendFile(path, 'more '), 20);
    try {
      expect(await waitForStable(path, { stableForMs: 200, timeoutMs: 600 })).toBe('timeout');
    } finally {
      clearInterval(writer);
    }
  });

  it('says gone when the file disappears, and aborted when asked to stop', async () => {
    expect(await waitForStable(join(dir, 'missing.txt'), { stableForMs: 100, timeoutMs: 1000 })).toBe('gone');
    const path = join(dir, 'new.txt');
    await writeFile(path, 'fresh');
    const controller = new AbortController();
    const waiting = waitForStable(path, {
      stableForMs: 10_000,
      timeoutMs: 20_000,
      signal: controller.signal,
    });
    controller.abort();
    expect(await waiting).toBe('aborted');
  });
});
