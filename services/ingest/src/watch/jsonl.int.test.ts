import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@newsflow/shared';
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
  it('streams a 10,000-line file through: 10,000 articles, one per line, progress in the logs', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ name: 'ingest-test', level: 'info', pretty: false, destination });
    const { files } = await h.start({ NEWSFLOW_INGEST_PROGRESS_EVERY: '2500' }, { log });
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
    const progress = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'JSONL progress');
    expect(progress.map((p) => p.lines)).toEqual([2500, 5000, 7500, 10_000]);
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

  it('stops a long JSONL file between batches at shutdown, leaves it in the inbox, and finishes it on restart without doubles', async () => {
    const first = await h.start({ NEWSFLOW_INGEST_BATCH: '50' });
    await writeFile(join(h.dir, 'long.jsonl'), syntheticJsonl(5000));
    await rename(join(h.dir, 'long.jsonl'), join(h.inbox, 'long.jsonl'));
    await waitFor(async () => (await h.count(h.bus.catalogue.articlesRaw)) > 0, 'first batch published');
    await first.service.stop();
    const partial = await h.count(h.bus.catalogue.articlesRaw);
    expect(partial).toBeLessThan(5000);
    expect(first.files).toEqual([]);
    expect(await h.listFiles('inbox')).toContain('long.jsonl');

    const second = await h.start();
    await waitFor(() => second.files.length === 1, 'file finished after restart', { timeoutMs: 50_000 });
    expect(second.files[0]).toMatchObject({
      status: 'processed',
      articleCount: 5000,
      duplicateCount: partial,
    });
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(5000);
  });
});
