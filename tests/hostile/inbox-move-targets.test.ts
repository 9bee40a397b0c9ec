import { access, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type RunningIngest, startIngest } from './support/ingest.ts';

// PENDING: the mover writes through symlinks planted in failed/ (and processed/).
// - services/ingest/src/files/move.ts:28 exists() uses stat(), which follows links, so freeName (:36) treats a
//   dangling link as a free name; :75 writeFile() then follows the link and creates its target. Anyone who can
//   write the inbox can plant `failed/<name>.error.json -> /any/path` and make ingest (often running with more
//   rights than the inbox writers) create that file with JSON content. (A link to an existing file is skipped
//   as "taken", and rename() over a link replaces the link itself, so nothing is overwritten.)
// - A planted directory link `failed/sub -> /elsewhere` receives `sub/x.json` and its record: mkdir(recursive)
//   at :74 accepts the link, and rename()/writeFile() go through it. Same for processed/<date>/sub.
// Fix: lstat() in exists(); write the record with flag 'wx' (O_CREAT|O_EXCL: refuses existing names and links)
// and take the next free name on EEXIST; before moving, check with realpath() that the target directory is
// still inside processed/ or failed/ (or create each level checking it with lstat()).
// Run: npx vitest run -c tests/hostile/vitest.pending.config.ts tests/hostile/inbox-move-targets.pending.ts

let ing: RunningIngest | undefined;
afterEach(async () => {
  await ing?.close();
  ing = undefined;
});

describe('symlinks planted in failed/', () => {
  it('never creates a file outside the inbox through a dangling link at the record name', async () => {
    ing = await startIngest(
      inject('natsUrl'),
      { NEWSFLOW_INGEST_HTTP: 'false' },
      {
        before: async (inbox, dir) => {
          await mkdir(join(inbox, 'failed'), { recursive: true });
          await symlink(join(dir, 'created-by-ingest.txt'), join(inbox, 'failed', 'broken.json.error.json'));
          await writeFile(join(inbox, 'broken.json'), '{"truncated": ');
        },
      },
    );
    const i = ing;
    await waitFor(() => i.files.length >= 1, 'file finished');
    await expect(access(join(i.dir, 'created-by-ingest.txt'))).rejects.toThrow();
  });

  it('never moves a file or writes a record through a symlinked directory', async () => {
    ing = await startIngest(
      inject('natsUrl'),
      { NEWSFLOW_INGEST_HTTP: 'false' },
      {
        before: async (inbox, dir) => {
          await mkdir(join(dir, 'elsewhere'));
          await mkdir(join(inbox, 'failed'), { recursive: true });
          await symlink(join(dir, 'elsewhere'), join(inbox, 'failed', 'sub'));
          await mkdir(join(inbox, 'sub'));
          await writeFile(join(inbox, 'sub', 'bad.json'), '{"truncated": ');
        },
      },
    );
    const i = ing;
    await waitFor(() => i.files.length >= 1, 'file finished');
    expect(await readdir(join(i.dir, 'elsewhere'))).toEqual([]);
  });
});
