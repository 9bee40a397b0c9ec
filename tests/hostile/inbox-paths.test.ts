import { link, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleRawV1 } from '@newsflow/shared';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { countOn, listFiles, type RunningIngest, readSubject, startIngest } from './support/ingest.ts';

// Path and file-system attacks on the watched inbox, against the real watcher (in-process, real NATS).

let ing: RunningIngest | undefined;
afterEach(async () => {
  await ing?.close();
  ing = undefined;
});

const SECRET = 'TOP SECRET outside the inbox: the watcher must never read this file.';
const start = (before?: (inbox: string, dir: string) => Promise<void>) =>
  startIngest(inject('natsUrl'), { NEWSFLOW_INGEST_HTTP: 'false' }, before ? { before } : {});
const done = (i: RunningIngest, n: number) =>
  waitFor(() => i.files.length >= n, `${n} inbox file(s) finished`);
const rawMessages = async (i: RunningIngest) => {
  const subject = i.bus.catalogue.articlesRaw;
  return readSubject<ArticleRawV1>(i.bus, subject, await countOn(i.bus, subject));
};
const errorRecord = async (i: RunningIngest, name: string) =>
  JSON.parse(await readFile(join(i.inbox, 'failed', `${name}.error.json`), 'utf8')) as { reason: string };

describe('symbolic links', () => {
  it('refuses a symlink to a file outside the inbox as unsafe_path and never reads the target', async () => {
    ing = await start();
    const outside = join(ing.dir, 'secret.txt');
    await writeFile(outside, SECRET);
    await symlink(outside, join(ing.inbox, 'innocent.txt'));
    await done(ing, 1);
    expect(ing.files[0]).toMatchObject({ path: 'innocent.txt', status: 'rejected' });
    expect(await errorRecord(ing, 'innocent.txt')).toMatchObject({ reason: 'unsafe_path' });
    expect(await countOn(ing.bus, ing.bus.catalogue.articlesRaw)).toBe(0);
    // The link itself was moved, the target is untouched.
    expect((await lstat(join(ing.inbox, 'failed', 'innocent.txt'))).isSymbolicLink()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe(SECRET);
  });

  it('refuses a symlink to a file inside the inbox too (links are never followed) and reads the real file once', async () => {
    ing = await start(async (inbox) => {
      await writeFile(join(inbox, 'real.txt'), 'The real article inside the inbox, read exactly once.');
      await symlink(join(inbox, 'real.txt'), join(inbox, 'alias.txt'));
    });
    await done(ing, 2);
    const byPath = Object.fromEntries(ing.files.map((f) => [f.path, f.status]));
    expect(byPath).toEqual({ 'alias.txt': 'rejected', 'real.txt': 'processed' });
    expect(await errorRecord(ing, 'alias.txt')).toMatchObject({ reason: 'unsafe_path' });
    expect(await countOn(ing.bus, ing.bus.catalogue.articlesRaw)).toBe(1);
  });

  it('never reads files behind a symlinked directory pointing outside the inbox', async () => {
    ing = await start(async (inbox, dir) => {
      await mkdir(join(dir, 'outside-dir'));
      await writeFile(join(dir, 'outside-dir', 'leak.txt'), SECRET);
      await symlink(join(dir, 'outside-dir'), join(inbox, 'sub'));
      await writeFile(join(inbox, 'ok.txt'), 'A legitimate article next to the directory link.');
    });
    await done(ing, 2);
    expect(ing.files.find((f) => f.path === 'sub')).toMatchObject({ status: 'rejected' });
    const texts = (await rawMessages(ing)).map((m) => m.data.text);
    expect(texts).toEqual(['A legitimate article next to the directory link.']);
    expect(await readFile(join(ing.dir, 'outside-dir', 'leak.txt'), 'utf8')).toBe(SECRET);
  });
});

describe('hard links', () => {
  // A hard link is not a pointer but a second name of the same file: inside the inbox it *is* a regular file
  // there, and ingest processes it like any other (lstat sees a regular file, realpath stays in the inbox).
  // Making one needs write access to the inbox and (with fs.protected_hardlinks=1, the Linux default) read/write
  // access to the target, i.e. the same rights as copying the file in. The original file outside is untouched.
  it('ingests a hard link to a file outside the inbox as a regular file and leaves the original in place', async () => {
    ing = await start();
    const outside = join(ing.dir, 'shared-article.txt');
    const text = 'An article whose file lives outside and is hard-linked into the inbox.';
    await writeFile(outside, text);
    await link(outside, join(ing.inbox, 'linked.txt'));
    await done(ing, 1);
    expect(ing.files[0]).toMatchObject({ path: 'linked.txt', status: 'processed' });
    expect((await rawMessages(ing)).map((m) => m.data.text)).toEqual([text]);
    expect(await readFile(outside, 'utf8')).toBe(text);
    expect((await stat(outside)).nlink).toBe(2); // the moved name in processed/ and the original
  });
});

describe('names supplied inside JSON', () => {
  it('never lets path-like fields of an article decide where anything is written', async () => {
    const traversal = {
      path: '../../escaped.txt',
      name: '../escaped.json',
      file: '/tmp/escaped',
      filename: '..\\..\\x',
      id: '../../id',
    };
    ing = await start(async (inbox) => {
      await writeFile(
        join(inbox, 'good.json'),
        JSON.stringify({ text: 'An article with hostile path fields.', ...traversal }),
      );
      await writeFile(join(inbox, 'bad.json'), JSON.stringify({ title: 'no text here', ...traversal }));
      await writeFile(
        join(inbox, 'lines.jsonl'),
        `${JSON.stringify({ text: 'line one body', ...traversal })}\n{"nope":1}\n`,
      );
    });
    await done(ing, 3);
    const everything = await listFiles(ing.dir);
    const outside = everything.filter(
      (f) => !/^inbox\/(processed\/\d{4}-\d{2}-\d{2}\/|failed\/|\.newsflow\/)/.test(f),
    );
    expect(outside).toEqual([]);
    expect(everything.filter((f) => f.startsWith('inbox/failed/')).sort()).toEqual([
      'inbox/failed/bad.json',
      'inbox/failed/bad.json.error.json',
      'inbox/failed/lines.jsonl',
      'inbox/failed/lines.jsonl.error.json',
    ]);
    const paths = (await rawMessages(ing)).map((m) => (m.data.origin as { path?: string }).path).sort();
    expect(paths).toEqual(['good.json', 'lines.jsonl']);
  });

  it('keeps odd file names (spaces, newlines, unicode, 250 bytes) inside processed/ and failed/', async () => {
    const names = [
      'a b.txt',
      'line\nbreak.txt',
      'ünï cødé.txt',
      `${'x'.repeat(246)}.txt`,
      '-rf.txt',
      'a..b.txt',
    ];
    ing = await start(async (inbox) => {
      for (const [i, name] of names.entries())
        await writeFile(join(inbox, name), `Article number ${i} with an odd file name.`);
      await writeFile(join(inbox, 'empty..txt'), '');
    });
    await done(ing, names.length + 1);
    const processed = (await listFiles(join(ing.inbox, 'processed'))).map((f) => f.slice(11));
    expect(processed.sort()).toEqual([...names].sort());
    expect(await listFiles(join(ing.inbox, 'failed'))).toEqual(['empty..txt', 'empty..txt.error.json']);
  });
});

describe('a symlink planted where a finished file will be moved', () => {
  it('does not follow a symlink placed at the failed/ target name', async () => {
    ing = await start(async (inbox, dir) => {
      await mkdir(join(inbox, 'failed'), { recursive: true });
      await writeFile(join(dir, 'victim.txt'), SECRET);
      await symlink(join(dir, 'victim.txt'), join(inbox, 'failed', 'broken.json.error.json'));
      await writeFile(join(inbox, 'broken.json'), '{"truncated": ');
    });
    await done(ing, 1);
    expect(await readFile(join(ing.dir, 'victim.txt'), 'utf8')).toBe(SECRET);
    expect(await readlink(join(ing.inbox, 'failed', 'broken.json.error.json'))).toBe(
      join(ing.dir, 'victim.txt'),
    );
  });
});
