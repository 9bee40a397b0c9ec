import { ArticleData, EntityData, EventData } from '@newsflow/shared';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.ts';

// `newsflow extract` needs no server: it parses like ingest and runs the engine in-process.
describe('newsflow extract (offline)', () => {
  it('prints one schema-valid JSON line per article of the files given', async () => {
    const r = await runCli(
      ['extract', 'seeds/000_5b10a9bad318bf07.txt', 'seeds/001_1ea5e807f02e7703.txt'],
      {},
      { timeoutMs: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(ArticleData.safeParse(line.article).success).toBe(true);
      for (const e of line.entities) expect(EntityData.safeParse(e).error).toBeUndefined();
      for (const e of line.events) expect(EventData.safeParse(e).error).toBeUndefined();
    }
    const names = lines[1].entities.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Abdallah Maki Mosleh al-Rifai', 'Donald Trump']));
    expect(lines[1].article.outlet).toBe('www.timesofisrael.com');
  });

  it('reads standard input and resolves relative dates against --published-at', async () => {
    const r = await runCli(
      ['extract', '--published-at', '2025-03-14T12:00:00Z'],
      {},
      {
        stdin: 'Prime Minister Keir Starmer visited Paris on Monday.\n',
        timeoutMs: 60_000,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const visit = out.events.find((e: { type: string }) => e.type === 'contact.visit');
    expect(visit?.time?.value).toBe('2025-03-10');
  });

  it('exits with 3 and a reason when an input is rejected', async () => {
    const r = await runCli(
      ['extract', '--format', 'json'],
      {},
      { stdin: '{"title": "no text"}', timeoutMs: 60_000 },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/rejected .*missing_text|invalid_article/);
  });
});
