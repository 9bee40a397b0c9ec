import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runIngestOnce } from './one-shot.ts';
import { fixturePath, SEEDS, seedPath } from './testing/fixtures.ts';
import { createHarness, type IngestHarness } from './testing/harness.ts';

let h: IngestHarness;
beforeEach(async () => {
  h = await createHarness(inject('natsUrl'));
});
afterEach(async () => {
  await h.close();
});

describe('runIngestOnce (newsflow ingest PATH...)', () => {
  it('publishes a folder recursively, leaves files in place, and reports per file', async () => {
    const folder = join(h.dir, 'drop');
    await mkdir(join(folder, 'sub'), { recursive: true });
    await copyFile(seedPath(SEEDS[0]), join(folder, 'a.txt'));
    await copyFile(fixturePath('article.html'), join(folder, 'sub', 'b.html'));
    await writeFile(join(folder, '.hidden.txt'), 'skipped');
    const result = await runIngestOnce([folder], { config: h.config(), log: h.log, bus: h.bus });
    expect(result).toMatchObject({ ok: true, published: 2, duplicates: 0, rejectedFiles: 0 });
    expect(result.files.map((f) => [f.path.slice(folder.length + 1), f.status])).toEqual([
      ['a.txt', 'processed'],
      ['sub/b.html', 'processed'],
    ]);
    expect(await h.listFiles('drop')).toEqual(['.hidden.txt', 'a.txt', 'sub/b.html']);
    const again = await runIngestOnce([folder], { config: h.config(), log: h.log, bus: h.bus });
    expect(again).toMatchObject({ ok: true, published: 0, duplicates: 2 });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(2);
  });

  it('is not ok when any input is refused or missing, and says why per file', async () => {
    const result = await runIngestOnce(
      [fixturePath('truncated.json'), fixturePath('titled.txt'), join(h.dir, 'nope.txt')],
      {
        config: h.config(),
        log: h.log,
        bus: h.bus,
      },
    );
    expect(result.ok).toBe(false);
    expect(result.rejectedFiles).toBe(2);
    expect(result.files.map((f) => [f.status, f.rejections[0]?.code])).toEqual([
      ['rejected', 'invalid_json'],
      ['processed', undefined],
      ['rejected', 'unreadable'],
    ]);
  });
});
