import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMover } from './move.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-move-'));
  await mkdir(join(dir, 'inbox', 'sub'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createMover', () => {
  const mover = () => createMover({ processed: join(dir, 'processed'), failed: join(dir, 'failed') });
  const now = new Date('2026-11-21T23:59:00Z');

  it('moves into processed/<UTC date>/ keeping subfolders, never overwriting an earlier file', async () => {
    await writeFile(join(dir, 'inbox', 'sub', 'a.txt'), 'one');
    const first = await mover().toProcessed(join(dir, 'inbox', 'sub', 'a.txt'), 'sub/a.txt', now);
    await writeFile(join(dir, 'inbox', 'sub', 'a.txt'), 'two');
    const second = await mover().toProcessed(join(dir, 'inbox', 'sub', 'a.txt'), 'sub/a.txt', now);
    expect(first).toBe(join(dir, 'processed', '2026-11-21', 'sub', 'a.txt'));
    expect(second).toBe(join(dir, 'processed', '2026-11-21', 'sub', 'a.1.txt'));
    expect(await readFile(first, 'utf8')).toBe('one');
    expect(await readFile(second, 'utf8')).toBe('two');
  });

  it('moves into failed/ with an error.json beside it', async () => {
    await writeFile(join(dir, 'inbox', 'bad.json'), '{');
    const target = await mover().toFailed(join(dir, 'inbox', 'bad.json'), 'bad.json', {
      file: 'bad.json',
      failedAt: now.toISOString(),
      reason: 'invalid_json',
      message: 'truncated JSON',
      publishedArticles: 0,
      rejections: [{ code: 'invalid_json', message: 'truncated JSON' }],
      rejectedCount: 1,
    });
    expect(await readdir(join(dir, 'failed'))).toEqual(['bad.json', 'bad.json.error.json']);
    expect(JSON.parse(await readFile(`${target}.error.json`, 'utf8'))).toMatchObject({
      reason: 'invalid_json',
    });
  });
});
