import { appendFile, chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { FileHooks } from '../files/context.ts';
import { fixturePath, SEEDS, seedPath } from '../testing/fixtures.ts';
import { createHarness, type IngestHarness } from '../testing/harness.ts';

let h: IngestHarness;
beforeEach(async () => {
  h = await createHarness(inject('natsUrl'));
});
afterEach(async () => {
  await h.close();
});

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A writer that renames new content over the file once, after ingest has read (and published) its first version
 * and before it is moved: the service's `afterPublish` test hook.
 */
function replaceOnceAfterRead(content: string): { hooks: FileHooks; replaced: () => boolean } {
  let replaced = false;
  return {
    hooks: {
      async afterPublish(path) {
        if (replaced) return;
        replaced = true;
        await writeFile(`${path}.tmp`, content);
        await rename(`${path}.tmp`, path);
      },
    },
    replaced: () => replaced,
  };
}

describe('inbox watcher', () => {
  it('turns the two seed articles into two raw messages with outlets, URLs and clean bodies', async () => {
    const { files } = await h.start();
    for (const seed of SEEDS) await h.drop(seedPath(seed), seed);
    await waitFor(() => files.length === 2, 'both seeds processed');
    const articles = (await h.raw(2))
      .map((m) => m.data)
      .sort((a, b) => (a.outlet ?? '').localeCompare(b.outlet ?? ''));
    expect(articles.map((a) => [a.outlet, a.url ?? null, a.title ?? null])).toEqual([
      ['www.military.com', null, null],
      [
        'www.timesofisrael.com',
        'https://www.timesofisrael.com/head-of-isis-in-iraq-and-syria-killed-in-airstrike-during-us-iraqi-joint-operation/',
        null,
      ],
    ]);
    for (const a of articles) {
      expect(a.text).not.toMatch(/Source:/);
      expect(a.text).toBe(a.text.trim());
      expect(a.language).toBe('en');
      expect(a.origin.kind).toBe('file');
    }
    expect(articles[0]?.text.startsWith('The Iraqi intelligence service, with U.S. support')).toBe(true);
    expect(articles[1]?.text.endsWith('helped bring al-Sudani to power in 2022.')).toBe(true);
    expect(await h.listFiles(`inbox/processed/${today()}`)).toEqual([...SEEDS]);
  });

  it('publishes nothing new for the same file dropped again or a copy under another name', async () => {
    const { files } = await h.start();
    await h.drop(seedPath(SEEDS[0]), 'first.txt');
    await waitFor(() => files.length === 1, 'first file processed');
    await h.drop(seedPath(SEEDS[0]), 'first.txt');
    await h.drop(seedPath(SEEDS[0]), 'renamed-copy.txt');
    await waitFor(() => files.length === 3, 'the repeats processed');
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(1);
    expect(files.slice(1).flatMap((f) => f.articles.map((a) => a.duplicate))).toEqual([true, true]);
    expect(files.slice(1).every((f) => f.status === 'processed')).toBe(true);
    expect(await h.listFiles(`inbox/processed/${today()}`)).toEqual([
      'first.1.txt',
      'first.txt',
      'renamed-copy.txt',
    ]);
  });

  it('publishes clean text for an HTML page with scripts, styles and page furniture', async () => {
    const { files } = await h.start();
    await h.drop(fixturePath('article.html'), 'page.htm');
    await waitFor(() => files.length === 1, 'page processed');
    const [message] = await h.raw(1);
    expect(message?.data).toMatchObject({
      title: 'Harbour reopens after three-day storm closure',
      outlet: 'The Coastal Courier',
      byline: 'Maria Jensen',
      publishedAt: '2025-03-14T09:30:00+01:00',
      url: 'https://courier.example.org/news/harbour-reopens',
    });
    expect(message?.data.text).not.toMatch(/MUST-NOT-APPEAR|<|window\.|Most read/);
  });

  it('ingests files already in the inbox at start-up', async () => {
    await h.drop(seedPath(SEEDS[1]), 'waiting.txt');
    const { files } = await h.start();
    await waitFor(() => files.length === 1, 'existing file processed');
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(1);
  });

  it('ignores temporary names until the writer renames the file', async () => {
    const { service, files } = await h.start();
    await writeFile(join(h.inbox, 'story.txt.tmp'), await readFile(seedPath(SEEDS[0])));
    await writeFile(join(h.inbox, '.hidden.txt'), 'A hidden file is never read.');
    await service.idle();
    expect(files).toEqual([]);
    await rename(join(h.inbox, 'story.txt.tmp'), join(h.inbox, 'story.txt'));
    await waitFor(() => files.length === 1, 'renamed file processed');
    expect(files[0]).toMatchObject({ path: 'story.txt', status: 'processed' });
    expect(await h.listFiles('inbox')).toContain('.hidden.txt');
  });

  it('waits for a file still being written when first seen and reads it whole', async () => {
    const { files } = await h.start({ NEWSFLOW_INGEST_STABLE_FOR: '400ms' });
    const path = join(h.inbox, 'slow.txt');
    const parts = [
      'Slow writer headline',
      '',
      'First paragraph arrives now.',
      'Second paragraph arrives later.',
      'Third and last.',
    ];
    await writeFile(path, `${parts[0]}\n`);
    // A writer that pauses shorter than the stability window between appends.
    for (const part of parts.slice(1)) {
      await new Promise((r) => setTimeout(r, 100));
      await writeFile(path, `${part}\n`, { flag: 'a' });
    }
    await waitFor(() => files.length === 1, 'slow file processed');
    const [article] = await h.raw(1);
    expect(article?.data.title).toBe('Slow writer headline');
    expect(article?.data.text).toBe(
      'First paragraph arrives now.\nSecond paragraph arrives later.\nThird and last.',
    );
  });

  it('reports no refusal for a half-written version replaced while it was read, and publishes the full one', async () => {
    const whole = {
      title: 'Late story',
      text: 'The whole story, written after a cut-off first version was read.',
    };
    // The cut-off version just read is refused; the writer then puts the whole file in place.
    const writer = replaceOnceAfterRead(JSON.stringify(whole));
    const { files, service } = await h.start({}, { hooks: writer.hooks });
    await writeFile(join(h.inbox, 'late.json'), '{"title": "Late story", "text": "The whole st');
    await waitFor(() => files.some((f) => f.movedTo), 'the full version moved');
    await service.idle();
    expect(writer.replaced()).toBe(true);
    expect(files.map((f) => [f.path, f.status])).toEqual([['late.json', 'processed']]);
    expect((await h.raw(1)).map((m) => m.data.text)).toEqual([whole.text]);
    expect(await h.count(h.bus.catalogue.articlesRejected)).toBe(0);
    expect(await h.listFiles('inbox/failed').catch(() => [])).toEqual([]);
  });

  it('checks a path seen again while it was read before reading it again (a new version written in place meanwhile)', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let appended: Promise<void> | undefined;
    const hooks: FileHooks = {
      async afterPublish(path) {
        if (path.endsWith('a.txt') && !path.includes('processed')) {
          if (appended) return;
          // a.txt is being read: an event for it (its mode set, which leaves its content and mtime alone), and
          // another file queued behind it (one worker).
          await chmod(path, 0o644);
          await writeFile(join(h.inbox, 'b.txt'), 'Another story, dropped while the first was read.');
          await sleep(400); // both stability checks (150 ms) are over
          appended = Promise.resolve();
        } else if (path.endsWith('b.txt')) {
          // The first a.txt has been moved away. A writer starts a new a.txt in place and keeps writing for
          // 400 ms, never pausing as long as the stability window.
          const file = join(h.inbox, 'a.txt');
          await writeFile(file, 'Second version of the story,');
          appended = (async () => {
            for (let k = 1; k <= 10; k++) {
              await sleep(40);
              await appendFile(file, k < 10 ? ` part ${k},` : ' the end.');
            }
          })();
        }
      },
    };
    const { files, service } = await h.start({ NEWSFLOW_INGEST_CONCURRENCY: '1' }, { hooks });
    await writeFile(join(h.inbox, 'a.txt'), 'First version of the story.');
    await waitFor(() => files.length >= 3, 'three files read');
    await appended;
    await sleep(300);
    await service.idle();
    const texts = (await h.raw(3)).map((m) => m.data.text).sort();
    expect(texts).toEqual([
      'Another story, dropped while the first was read.',
      'First version of the story.',
      'Second version of the story, part 1, part 2, part 3, part 4, part 5, part 6, part 7, part 8, part 9, the end.',
    ]);
    expect(await h.count(h.bus.catalogue.articlesRaw)).toBe(3);
  });

  it('leaves a file replaced between reading and moving in the inbox, and publishes the new version next', async () => {
    const writer = replaceOnceAfterRead('Second version, written after the first was read.');
    const { files, service } = await h.start({}, { hooks: writer.hooks });
    await writeFile(join(h.inbox, 'story.txt'), 'First version of the story, read and published.');
    await waitFor(() => files.some((f) => f.movedTo), 'the second version moved');
    await service.idle();
    const texts = (await h.raw(2)).map((m) => m.data.text);
    expect(texts).toEqual([
      'First version of the story, read and published.',
      'Second version, written after the first was read.',
    ]);
    const moved = await h.listFiles(`inbox/processed/${today()}`);
    expect(moved).toEqual(['story.txt']);
    expect(await readFile(join(h.inbox, 'processed', today(), 'story.txt'), 'utf8')).toContain(
      'Second version',
    );
  });
});
