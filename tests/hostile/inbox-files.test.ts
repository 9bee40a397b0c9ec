import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, chown, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleRawV1 } from '@newsflow/shared';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ROOT, testBus } from '../helpers.ts';
import { countOn, listFiles, type RunningIngest, readSubject, startIngest } from './support/ingest.ts';

// Files that change under the watcher and files it may not read (real watcher, real NATS).

let ing: RunningIngest | undefined;
afterEach(async () => {
  await ing?.close();
  ing = undefined;
});

const seen = async (i: RunningIngest) => (await i.service.metrics.filesSeen.get()).values[0]?.value ?? 0;

describe('a file replaced while the watcher waits for it to settle', () => {
  it('publishes only the final content, once', async () => {
    ing = await startIngest(inject('natsUrl'), {
      NEWSFLOW_INGEST_HTTP: 'false',
      NEWSFLOW_INGEST_STABLE_FOR: '1s',
    });
    const i = ing;
    const path = join(i.inbox, 'story.txt');
    await writeFile(path, 'First draft of the story, which must never be published.');
    await waitFor(async () => (await seen(i)) >= 1, 'watcher saw the file');
    // Replace it the way editors save: write a temporary name, rename over the original.
    await writeFile(
      join(i.inbox, 'story.txt.tmp'),
      'Final version of the story: the council approved the budget after all.',
    );
    await rename(join(i.inbox, 'story.txt.tmp'), path);
    await waitFor(() => i.files.length >= 1, 'file finished');
    await i.service.idle();
    const count = await countOn(i.bus, i.bus.catalogue.articlesRaw);
    const texts = (await readSubject<ArticleRawV1>(i.bus, i.bus.catalogue.articlesRaw, count)).map(
      (m) => m.data.text,
    );
    expect(texts).toEqual(['Final version of the story: the council approved the budget after all.']);
    const processed = await listFiles(join(i.inbox, 'processed'));
    expect(processed).toHaveLength(1);
    expect(await readFile(join(i.inbox, 'processed', processed[0] as string), 'utf8')).toContain(
      'Final version',
    );
  });

  it('treats a file that keeps changing past the timeout as unstable, publishing none of its versions', async () => {
    ing = await startIngest(inject('natsUrl'), {
      NEWSFLOW_INGEST_HTTP: 'false',
      NEWSFLOW_INGEST_STABLE_FOR: '300ms',
      NEWSFLOW_INGEST_STABLE_TIMEOUT: '1s',
    });
    const i = ing;
    const path = join(i.inbox, 'growing.txt');
    let n = 0;
    await writeFile(path, 'start ');
    const writer = setInterval(() => void writeFile(path, `version ${++n} `.repeat(n)), 50);
    try {
      await waitFor(() => i.files.length >= 1, 'file refused', { timeoutMs: 10_000 });
    } finally {
      clearInterval(writer);
    }
    expect(i.files[0]).toMatchObject({
      path: 'growing.txt',
      status: 'rejected',
      rejections: [{ code: 'unstable' }],
    });
    expect(await countOn(i.bus, i.bus.catalogue.articlesRaw)).toBe(0);
  });
});

describe('a file the service may not read (chmod 000)', () => {
  const TEXT = 'An article nobody but its owner may read.';

  it('refuses it as unreadable when the service lacks the right, or reads it when it has it (root)', async () => {
    let readable = false;
    ing = await startIngest(
      inject('natsUrl'),
      { NEWSFLOW_INGEST_HTTP: 'false' },
      {
        before: async (inbox) => {
          const locked = join(inbox, 'locked.txt');
          await writeFile(locked, TEXT);
          await chmod(locked, 0o000);
          // What this process may do is what the in-process service may do: as root (CI) chmod 000 does not block.
          readable = await access(locked, constants.R_OK).then(
            () => true,
            () => false,
          );
        },
      },
    );
    const i = ing;
    await waitFor(() => i.files.length >= 1, 'file finished');
    if (readable) {
      expect(i.files[0]).toMatchObject({ status: 'processed' });
      expect(await countOn(i.bus, i.bus.catalogue.articlesRaw)).toBe(1);
    } else {
      expect(i.files[0]).toMatchObject({ status: 'rejected', rejections: [{ code: 'unreadable' }] });
      expect(await countOn(i.bus, i.bus.catalogue.articlesRaw)).toBe(0);
    }
  });

  it.runIf(process.getuid?.() === 0)(
    'refuses it as unreadable, keeps running and moves it to failed/ when the service runs unprivileged',
    async () => {
      // Everything is in place before the service starts, as the unprivileged user owning the inbox.
      const dir = await mkdtemp(join(tmpdir(), 'hostile-nobody-'));
      const inbox = join(dir, 'inbox');
      await chmod(dir, 0o755);
      await mkdir(inbox);
      await writeFile(join(inbox, 'locked.txt'), TEXT);
      await writeFile(join(inbox, 'open.txt'), 'A readable article dropped next to the locked one.');
      await chmod(join(inbox, 'locked.txt'), 0o000);
      await chown(join(inbox, 'open.txt'), 65534, 65534);
      await chown(inbox, 65534, 65534);
      const t = await testBus(inject('natsUrl'));
      const child = spawn(process.execPath, [join(ROOT, 'services/ingest/src/main.ts')], {
        cwd: ROOT,
        uid: 65534,
        gid: 65534,
        env: {
          ...process.env,
          ...t.env,
          NEWSFLOW_INBOX: inbox,
          NEWSFLOW_INGEST_HTTP: 'false',
          NEWSFLOW_INGEST_STABLE_FOR: '100ms',
          NEWSFLOW_INGEST_RESCAN: '500ms',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      try {
        const record = join(inbox, 'failed', 'locked.txt.error.json');
        // The file is moved after its record is written: once it is in failed/, the record is complete.
        await waitFor(
          () =>
            access(join(inbox, 'failed', 'locked.txt')).then(
              () => true,
              () => false,
            ),
          `failed/locked.txt (service stderr: ${stderr.slice(0, 500)})`,
          { timeoutMs: 20_000 },
        );
        expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ reason: 'unreadable' });
        await waitFor(
          async () => (await countOn(t.bus, t.bus.catalogue.articlesRaw)) === 1,
          'open.txt published',
        );
        expect(child.exitCode).toBeNull();
      } finally {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
        await t.dispose();
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
