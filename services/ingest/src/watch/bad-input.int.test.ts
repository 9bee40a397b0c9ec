import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ErrorRecord } from '../files/move.ts';
import { fixturePath, SEEDS, seedPath } from '../testing/fixtures.ts';
import { createHarness, type IngestHarness } from '../testing/harness.ts';

let h: IngestHarness;
beforeEach(async () => {
  h = await createHarness(inject('natsUrl'));
});
afterEach(async () => {
  await h.close();
});

/** Each bad input and the reason it must be refused with. */
const CASES: [name: string, fixture: string, reason: string][] = [
  ['empty.txt', 'empty.txt', 'empty'],
  ['binary.txt', 'binary.txt', 'binary'],
  ['invalid-utf8.txt', 'invalid-utf8.txt', 'encoding'],
  ['truncated.json', 'truncated.json', 'invalid_json'],
  ['missing-text.json', 'missing-text.json', 'missing_text'],
  ['oversize.txt', 'article.html', 'too_large'],
  ['scan.pdf', 'binary.txt', 'unsupported_type'],
];

describe('bad inputs', () => {
  it('moves each bad file to failed/ with an error.json and a rejection message, and keeps running', async () => {
    const { files } = await h.start({ NEWSFLOW_INGEST_MAX_FILE_BYTES: '2000' });
    for (const [name, fixture] of CASES) await h.drop(fixturePath(fixture), name);
    await writeFile(join(h.dir, 'outside-secret.txt'), 'A file outside the inbox must never be read.');
    await symlink(join(h.dir, 'outside-secret.txt'), join(h.inbox, 'link-outside.txt'));
    await waitFor(() => files.length === CASES.length + 1, 'all bad inputs handled');

    const failed = await h.listFiles('inbox/failed');
    for (const [name, , reason] of CASES) {
      expect(failed).toContain(name);
      const record = (await h.readJson(join(h.inbox, 'failed', `${name}.error.json`))) as ErrorRecord;
      expect(record).toMatchObject({ file: name, reason });
      expect(Date.parse(record.failedAt)).not.toBeNaN();
      expect(record.message.length).toBeGreaterThan(0);
    }
    expect(failed).toContain('link-outside.txt');
    expect(await h.readJson(join(h.inbox, 'failed', 'link-outside.txt.error.json'))).toMatchObject({
      reason: 'unsafe_path',
    });

    const rejected = await h.rejected(CASES.length + 1);
    expect(Object.fromEntries(rejected.map((m) => [m.data.input, m.data.reason]))).toEqual({
      ...Object.fromEntries(CASES.map(([name, , reason]) => [name, reason])),
      'link-outside.txt': 'unsafe_path',
    });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(0);

    // Still running: a good file afterwards goes through. Its summary is awaited whatever its status, so that a
    // failure says what happened to the file instead of timing out (it timed out once in CI under load; a
    // publish retried after a timeout takes seconds, hence the longer wait).
    await h.drop(fixturePath('titled.txt'), 'good.txt');
    const good = await waitFor(() => files.find((f) => f.path === 'good.txt'), 'good file handled', {
      timeoutMs: 45_000,
    });
    expect(good).toMatchObject({ status: 'processed', rejections: [] });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(1);
  }, 90_000);

  it('publishes the valid items of a JSON array and sends the file to failed/ listing the bad one', async () => {
    const { files } = await h.start();
    await h.drop(fixturePath('articles.json'), 'batch.json');
    await waitFor(() => files.length === 1, 'array processed');
    expect(files[0]).toMatchObject({ status: 'partial', articleCount: 2, rejectedCount: 1 });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(2);
    expect(await h.readJson(join(h.inbox, 'failed', 'batch.json.error.json'))).toMatchObject({
      reason: 'missing_text',
      publishedArticles: 2,
      rejections: [{ code: 'missing_text', index: 1 }],
    });
  });

  it('refuses a file that never stops growing as unstable', async () => {
    const { files } = await h.start({
      NEWSFLOW_INGEST_STABLE_FOR: '300ms',
      NEWSFLOW_INGEST_STABLE_TIMEOUT: '900ms',
    });
    const path = join(h.inbox, 'endless.txt');
    await writeFile(path, 'Endless writer\n\n');
    const writer = setInterval(() => void writeFile(path, 'more text ', { flag: 'a' }), 10);
    try {
      await waitFor(() => files.length === 1, 'endless file refused');
    } finally {
      clearInterval(writer);
    }
    expect(files[0]).toMatchObject({ status: 'rejected', rejections: [{ code: 'unstable' }] });
    expect(await h.listFiles('inbox/failed')).toEqual(['endless.txt', 'endless.txt.error.json']);
  });

  it('does not descend into a symlinked directory and refuses the link itself', async () => {
    await mkdir(join(h.dir, 'elsewhere'));
    await copyFile(seedPath(SEEDS[0]), join(h.dir, 'elsewhere', 'a.txt'));
    await symlink(join(h.dir, 'elsewhere'), join(h.inbox, 'linked-dir'));
    const { files } = await h.start();
    await waitFor(() => files.length === 1, 'link handled');
    expect(files[0]).toMatchObject({
      path: 'linked-dir',
      status: 'rejected',
      rejections: [{ code: 'unsafe_path' }],
    });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(0);
  });
});
