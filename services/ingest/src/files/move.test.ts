import { access, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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

  const record = {
    file: 'bad.json',
    failedAt: now.toISOString(),
    reason: 'invalid_json',
    message: 'truncated JSON',
    publishedArticles: 0,
    rejections: [{ code: 'invalid_json', message: 'truncated JSON' }],
    rejectedCount: 1,
  };

  it('moves into failed/ with an error.json beside it', async () => {
    await writeFile(join(dir, 'inbox', 'bad.json'), '{');
    const target = await mover().toFailed(join(dir, 'inbox', 'bad.json'), 'bad.json', record);
    expect(await readdir(join(dir, 'failed'))).toEqual(['bad.json', 'bad.json.error.json']);
    expect(JSON.parse(await readFile(`${target}.error.json`, 'utf8'))).toMatchObject({
      reason: 'invalid_json',
    });
  });

  it('never writes through a dangling symlink planted at the record name', async () => {
    await mkdir(join(dir, 'failed'), { recursive: true });
    await symlink(join(dir, 'created-by-ingest.txt'), join(dir, 'failed', 'bad.json.error.json'));
    await writeFile(join(dir, 'inbox', 'bad.json'), '{');
    const target = await mover().toFailed(join(dir, 'inbox', 'bad.json'), 'bad.json', record);
    expect(target).toBe(join(dir, 'failed', 'bad.1.json'));
    await expect(access(join(dir, 'created-by-ingest.txt'))).rejects.toThrow();
  });

  it('steps around a symlinked directory planted in failed/ or processed/', async () => {
    await mkdir(join(dir, 'elsewhere'));
    await mkdir(join(dir, 'failed'), { recursive: true });
    await symlink(join(dir, 'elsewhere'), join(dir, 'failed', 'sub'));
    await mkdir(join(dir, 'processed', '2026-11-21'), { recursive: true });
    await symlink(join(dir, 'elsewhere'), join(dir, 'processed', '2026-11-21', 'sub'));
    await writeFile(join(dir, 'inbox', 'sub', 'a.json'), '{');
    await writeFile(join(dir, 'inbox', 'sub', 'b.txt'), 'text');
    const failed = await mover().toFailed(join(dir, 'inbox', 'sub', 'a.json'), 'sub/a.json', record);
    const processed = await mover().toProcessed(join(dir, 'inbox', 'sub', 'b.txt'), 'sub/b.txt', now);
    expect(failed).toBe(join(dir, 'failed', 'sub.1', 'a.json'));
    expect(processed).toBe(join(dir, 'processed', '2026-11-21', 'sub.1', 'b.txt'));
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });
});
