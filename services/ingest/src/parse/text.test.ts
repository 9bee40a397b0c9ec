import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, SEEDS, seedPath } from '../testing/fixtures.ts';
import { parseBuffered } from './index.ts';
import type { ArticleDraft } from './types.ts';

const one = (bytes: Uint8Array, format: 'text' | 'markdown' = 'text'): ArticleDraft => {
  const r = parseBuffered(bytes, format, { maxArticles: 10 });
  if (!r.ok || !r.articles[0]) throw new Error(`expected an article: ${JSON.stringify(r)}`);
  return r.articles[0];
};

describe('plain text articles', () => {
  it('reads seed 000: no title line, outlet from the glued "Original Source" line, kept out of the body', () => {
    const a = one(readFileSync(seedPath(SEEDS[0])));
    expect(a.title).toBeNull();
    expect(a.outlet).toBe('www.military.com');
    expect(a.url).toBeNull();
    expect(a.text.startsWith('The Iraqi intelligence service, with U.S. support')).toBe(true);
    expect(a.text.endsWith('the importance of international cooperation.')).toBe(true);
    expect(a.text).not.toContain('Original Source');
  });

  it('reads seed 001: URL and outlet from the "Source:" line, trailing blank lines gone', () => {
    const a = one(readFileSync(seedPath(SEEDS[1])));
    expect(a.url).toBe(
      'https://www.timesofisrael.com/head-of-isis-in-iraq-and-syria-killed-in-airstrike-during-us-iraqi-joint-operation/',
    );
    expect(a.outlet).toBe('www.timesofisrael.com');
    expect(a.text.startsWith('The leader of the Islamic State (ISIS)')).toBe(true);
    expect(a.text.endsWith('helped bring al-Sudani to power in 2022.')).toBe(true);
    expect(a.text).not.toMatch(/Source:/);
  });

  it('takes a headline-like first line as the title', () => {
    const a = one(fixture('titled.txt'));
    expect(a.title).toBe('Central bank holds interest rates steady');
    expect(a.text.startsWith('The central bank left')).toBe(true);
    expect(a.url).toBe('https://www.example-finance.com/markets/central-bank-holds');
  });

  it('normalises NFC, spaces, line ends and boilerplate', () => {
    expect(one(fixture('nfc.txt')).text).toBe(
      'Café owners in the old town protested on Tuesday against new rules.\n\nThe council said the rules were needed.',
    );
  });

  it('reads UTF-16 files with a BOM', () => {
    expect(one(fixture('utf16le-bom.txt')).title).toBe('Police arrest two after bank robbery in Lyon');
  });

  it('refuses a file that is only a source line', () => {
    const r = parseBuffered(Buffer.from('Source: https://example.com/a\n'), 'text', { maxArticles: 1 });
    expect(r).toMatchObject({ ok: false, rejection: { code: 'empty' } });
  });

  it('refuses whitespace-only text', () => {
    expect(parseBuffered(Buffer.from(' \n\t\n'), 'text', { maxArticles: 1 })).toMatchObject({
      ok: false,
      rejection: { code: 'empty' },
    });
  });
});

describe('markdown articles', () => {
  it('uses front matter and strips markup', () => {
    const a = one(fixture('article.md'), 'markdown');
    expect(a).toMatchObject({
      title: 'Rail strike called off after late-night deal',
      url: 'https://news.example.net/rail-strike-off',
      outlet: 'news.example.net',
      byline: 'Priya Natarajan',
      publishedAt: '2025-06-02T06:15:00Z',
    });
    expect(a.text).toBe(
      'Union leaders called off a 48-hour rail strike planned for Monday after reaching a deal with the operator in talks that ran past midnight, the transport union said.\n\n' +
        '"This is a fair settlement," said union secretary Dev Malhotra.\n\n' +
        'Pay rises by 4.5% this year\nRest-day working becomes voluntary\n\n' +
        'Services will run to the normal timetable.',
    );
  });

  it('takes "# Title" as the title and a trailing "Original Source" as the outlet', () => {
    const a = one(fixture('heading.md'), 'markdown');
    expect(a.title).toBe('Wildfire forces evacuation of hill villages');
    expect(a.outlet).toBe('www.example-news.org');
    expect(a.text).not.toContain('#');
    expect(a.text).not.toContain('Original Source');
  });

  it('strips inline markup from a 100 KB line of unclosed delimiters in linear time', () => {
    for (const unit of [' *a', ' _a', ' **a', '[a](b', '<a', '![a](b']) {
      const started = performance.now();
      const r = parseBuffered(Buffer.from(unit.repeat(25_000)), 'markdown', { maxArticles: 1 });
      expect(r.ok).toBe(true);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
