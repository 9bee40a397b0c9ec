import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleRawV1 } from '@newsflow/shared';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { countOn, listFiles, type RunningIngest, readSubject, startIngest } from './support/ingest.ts';

// PENDING: a file replaced (rename over it) after ingest opened it is moved to processed/ without ever being
// published. services/ingest/src/files/process-file.ts:27-40 reads through the opened handle (old inode), then
// `finish()` moves whatever the *path* names now (move.ts:63/:76 rename(path, ...)): the new content lands in
// processed/ and is lost. The service's `afterPublish` test hook stands in for a writer that replaces the file
// between the read and the move.
// Fix: before moving, lstat(path) and compare ino/size/mtime with the opened handle's fstat; if they differ,
// leave the file in the inbox (it is offered again) instead of moving it. Or claim the file first by renaming
// it into a private work folder, so a later rename over the inbox name is a new file.
// Run: npx vitest run -c tests/hostile/vitest.pending.config.ts tests/hostile/inbox-race.pending.ts

let ing: RunningIngest | undefined;
afterEach(async () => {
  await ing?.close();
  ing = undefined;
});

describe('a file replaced between reading and moving', () => {
  it('never moves unpublished content to processed/', async () => {
    let replaced = false;
    ing = await startIngest(
      inject('natsUrl'),
      { NEWSFLOW_INGEST_HTTP: 'false' },
      {
        hooks: {
          async afterPublish(path) {
            if (replaced) return;
            replaced = true;
            await writeFile(
              `${path}.tmp`,
              'Second version, written after the first was read: it must be published too.',
            );
            await rename(`${path}.tmp`, path);
          },
        },
        before: (inbox) =>
          writeFile(join(inbox, 'story.txt'), 'First version of the story, read and published.'),
      },
    );
    const i = ing;
    await waitFor(() => i.files.length >= 1, 'first pass finished');
    await i.service.idle();
    const processed = await listFiles(join(i.inbox, 'processed'));
    const published = (
      await readSubject<ArticleRawV1>(
        i.bus,
        i.bus.catalogue.articlesRaw,
        await countOn(i.bus, i.bus.catalogue.articlesRaw),
      )
    ).map((m) => m.data.text);
    for (const f of processed) {
      expect(published).toContain((await readFile(join(i.inbox, 'processed', f), 'utf8')).trim());
    }
  });
});
