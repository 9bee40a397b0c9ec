import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLimits } from '../config.ts';
import { isInside, openInput } from './open-input.ts';

let dir: string;
let inbox: string;
const limits = defaultLimits({ maxFileBytes: 100 });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-open-'));
  inbox = join(dir, 'inbox');
  await mkdir(inbox);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function code(path: string) {
  const r = await openInput(path, inbox, limits);
  if (r.ok) {
    await r.input.handle.close();
    return 'ok';
  }
  return 'gone' in r ? 'gone' : r.rejection.code;
}

describe('openInput', () => {
  it('opens a regular file with an accepted extension', async () => {
    await writeFile(join(inbox, 'a.txt'), 'text');
    expect(await code(join(inbox, 'a.txt'))).toBe('ok');
  });

  it('refuses a symlink, even one pointing inside the inbox', async () => {
    await writeFile(join(dir, 'secret.txt'), 'outside');
    await writeFile(join(inbox, 'real.txt'), 'inside');
    await symlink(join(dir, 'secret.txt'), join(inbox, 'out.txt'));
    await symlink(join(inbox, 'real.txt'), join(inbox, 'in.txt'));
    expect(await code(join(inbox, 'out.txt'))).toBe('unsafe_path');
    expect(await code(join(inbox, 'in.txt'))).toBe('unsafe_path');
  });

  it('refuses a file reached through a symlinked directory that leaves the inbox', async () => {
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'a.txt'), 'outside');
    await symlink(join(dir, 'elsewhere'), join(inbox, 'linked'));
    expect(await code(join(inbox, 'linked', 'a.txt'))).toBe('unsafe_path');
  });

  it('refuses unsupported extensions, oversize and empty files', async () => {
    await writeFile(join(inbox, 'a.pdf'), '%PDF');
    await writeFile(join(inbox, 'big.txt'), 'x'.repeat(101));
    await writeFile(join(inbox, 'empty.txt'), '');
    expect(await code(join(inbox, 'a.pdf'))).toBe('unsupported_type');
    expect(await code(join(inbox, 'big.txt'))).toBe('too_large');
    expect(await code(join(inbox, 'empty.txt'))).toBe('empty');
  });

  it('says gone for a file that no longer exists', async () => {
    expect(await code(join(inbox, 'nope.txt'))).toBe('gone');
  });
});

describe('isInside', () => {
  it('compares path segments, not string prefixes', () => {
    expect(isInside('/a/inbox', '/a/inbox/x')).toBe(true);
    expect(isInside('/a/inbox', '/a/inbox')).toBe(true);
    expect(isInside('/a/inbox', '/a/inbox2/x')).toBe(false);
    expect(isInside('/a/inbox', '/a')).toBe(false);
  });
});
