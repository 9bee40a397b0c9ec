import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { syntheticJsonl } from '../testing/generate.ts';
import { createHarness, type IngestHarness } from '../testing/harness.ts';

let h: IngestHarness;
beforeEach(async () => {
  h = await createHarness(inject('natsUrl'));
});
afterEach(async () => {
  await h.close();
});

describe('JSONL bulk files', () => {
  it('streams a 10,000-line file through: 10,000 articles, one per line, file to processed/', async () => {
    const { files } = await h.start();
    await writeFile(join(h.dir, 'bulk.jsonl'), syntheticJsonl(10_000));
    // Written elsewhere and moved in, as writers should.
    await rename(join(h.dir, 'bulk.jsonl'), join(h.inbox, 'bulk.jsonl'));
    await waitFor(() => files.length === 1, 'bulk file processed', { timeoutMs: 50_000 });
    expect(files[0]).toMatchObject({
      path: 'bulk.jsonl',
      status: 'processed',
      articleCount: 10_000,
      rejectedCount: 0,
    });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(10_000);
    const [first] = await h.raw(1);
    expect(first?.data.origin).toEqual({ kind: 'file', path: 'bulk.jsonl', line: 1 });
  });

  it('publishes the good lines of a JSONL file and lists the bad ones by line in error.json', async () => {
    const { files } = await h.start();
    const lines = [syntheticJsonl(2), '{"title":"no text"}\n', 'not json\n', syntheticJsonl(1, 2)].join('');
    await writeFile(join(h.inbox, 'mixed.ndjson'), lines);
    await waitFor(() => files.length === 1, 'mixed file processed');
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(3);
    expect(await h.readJson(join(h.inbox, 'failed', 'mixed.ndjson.error.json'))).toMatchObject({
      publishedArticles: 3,
      rejectedCount: 2,
      rejections: [
        { code: 'missing_text', line: 3 },
        { code: 'invalid_json', line: 4 },
      ],
    });
    const rejected = await h.rejected(2);
    expect(rejected.map((m) => [m.data.input, m.data.line, m.data.reason])).toEqual([
      ['mixed.ndjson', 3, 'missing_text'],
      ['mixed.ndjson', 4, 'invalid_json'],
    ]);
  });
});
