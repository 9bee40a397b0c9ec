import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIgnore, isIgnoredName } from './ignore.ts';

describe('isIgnoredName', () => {
  it.each([
    '.hidden.txt',
    'a.txt.tmp',
    'a.part',
    'a.txt~',
    '#a.txt#',
    'a.crdownload',
    '.~lock.a.txt#',
    'x.swp',
  ])('ignores %j', (name) => expect(isIgnoredName(name)).toBe(true));
  it.each(['a.txt', 'news.jsonl', 'report.final.md', 'tmp-notes.txt'])('reads %j', (name) =>
    expect(isIgnoredName(name)).toBe(false));
});

describe('createIgnore', () => {
  const inbox = '/srv/inbox';
  const ignore = createIgnore(inbox, [join(inbox, 'processed'), join(inbox, 'failed'), '/elsewhere/out']);

  it('ignores the reserved output folders inside the inbox and everything below them', () => {
    expect(ignore('/srv/inbox/processed')).toBe(true);
    expect(ignore('/srv/inbox/failed/a.txt')).toBe(true);
    expect(ignore('/srv/inbox/processed-notes/a.txt')).toBe(false);
  });

  it('ignores dot-directories and paths outside the inbox, never the inbox itself', () => {
    expect(ignore('/srv/inbox/.newsflow/ledger.jsonl')).toBe(true);
    expect(ignore('/srv/other/a.txt')).toBe(true);
    expect(ignore('/srv/inbox')).toBe(false);
    expect(ignore('/srv/inbox/sub/a.txt')).toBe(false);
  });
});
