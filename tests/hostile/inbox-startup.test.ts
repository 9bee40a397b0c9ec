import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@newsflow/shared/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { countOn, listFiles, type RunningIngest, startIngest } from './support/ingest.ts';

// Tens of thousands of files already in the inbox when the service starts: every one ends in processed/ or
// failed/, in bounded time, and the valid ones are published exactly once. Measured, not just bounded.

const FILES = 20_000;
const BAD_EVERY = 50; // every 50th file is empty: 400 rejections mixed in
const BUDGET_MS = 90_000;

let ing: RunningIngest | undefined;
afterAll(async () => {
  await ing?.close();
});

describe(`${FILES.toLocaleString('en')} files present at start-up`, () => {
  it('all end in processed/ or failed/ within the time budget', async () => {
    const started = { at: 0 };
    ing = await startIngest(
      inject('natsUrl'),
      { NEWSFLOW_INGEST_HTTP: 'false', NEWSFLOW_INGEST_RESCAN: '30s' },
      {
        before: async (inbox) => {
          const writes: Promise<void>[] = [];
          for (let n = 0; n < FILES; n++) {
            const body = n % BAD_EVERY === 0 ? '' : `Article ${n}: the council of town ${n} met on Monday.`;
            writes.push(writeFile(join(inbox, `f${String(n).padStart(5, '0')}.txt`), body));
            if (writes.length === 500) await Promise.all(writes.splice(0));
          }
          await Promise.all(writes);
          started.at = performance.now();
        },
      },
    );
    const i = ing;
    await waitFor(() => i.files.length >= FILES, `${FILES} files finished`, {
      timeoutMs: BUDGET_MS,
      intervalMs: 200,
    });
    const ms = performance.now() - started.at;
    const bad = Math.ceil(FILES / BAD_EVERY);
    process.stdout.write(
      `hostile: ${FILES} start-up files finished in ${(ms / 1000).toFixed(1)} s (${Math.round(FILES / (ms / 1000))} files/s)\n`,
    );

    const left = (await readdir(i.inbox)).filter((n) => n.endsWith('.txt'));
    expect(left).toEqual([]);
    const statuses = new Map<string, number>();
    for (const f of i.files) statuses.set(f.status, (statuses.get(f.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ processed: FILES - bad, rejected: bad });
    expect(new Set(i.files.map((f) => f.path)).size).toBe(FILES);
    expect(await countOn(i.bus, i.bus.catalogue.articlesRaw)).toBe(FILES - bad);
    expect((await listFiles(join(i.inbox, 'failed'))).length).toBe(bad * 2); // each with its error.json
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
