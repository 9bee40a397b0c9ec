import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps abbreviations and initialisms with their period', () => {
    expect(texts('Mr. Smith met Gen. Jones in the U.S. on Jan. 5, a.k.a. J. R. Smith')).toEqual([
      'Mr.',
      'Smith',
      'met',
      'Gen.',
      'Jones',
      'in',
      'the',
      'U.S.',
      'on',
      'Jan.',
      '5',
      ',',
      'a.k.a.',
      'J.',
      'R.',
      'Smith',
    ]);
  });

  it('splits curly and straight quotes and possessives off words', () => {
    expect(texts('Syria’s “deputy caliph” and ISIS\'s "leader" and Iraqis’ ties')).toEqual([
      'Syria',
      '’s',
      '“',
      'deputy',
      'caliph',
      '”',
      'and',
      'ISIS',
      "'s",
      '"',
      'leader',
      '"',
      'and',
      'Iraqis',
      '’',
      'ties',
    ]);
  });

  it('keeps hyphenated names and U.S.-led whole', () => {
    expect(texts('al-Rifai, Al-Rifai’s U.S.-led Iran-backed 18-year-old')).toEqual([
      'al-Rifai',
      ',',
      'Al-Rifai',
      '’s',
      'U.S.-led',
      'Iran-backed',
      '18-year-old',
    ]);
  });

  it("splits n't and other clitics the Penn Treebank way", () => {
    expect(texts("didn't they'll O'Brien")).toEqual(['did', "n't", 'they', "'ll", "O'Brien"]);
  });

  it('keeps numbers, URLs and e-mail addresses whole and drops trailing punctuation from URLs', () => {
    expect(
      texts('3.5 million, 1,000 at 10:30 see https://a.example/x?y=1. or www.military.com, mail a@b.org.'),
    ).toEqual([
      '3.5',
      'million',
      ',',
      '1,000',
      'at',
      '10:30',
      'see',
      'https://a.example/x?y=1',
      '.',
      'or',
      'www.military.com',
      ',',
      'mail',
      'a@b.org',
      '.',
    ]);
  });

  it('keeps the sentence period separate from an ordinary final word', () => {
    expect(texts('by September 2025. Done.')).toEqual(['by', 'September', '2025', '.', 'Done', '.']);
  });

  it('does not read an all-capitals word before a period as an abbreviation', () => {
    expect(texts('tell the FT. But Mr. X')).toEqual(['tell', 'the', 'FT', '.', 'But', 'Mr.', 'X']);
  });

  it('treats No. as an abbreviation only before a number', () => {
    expect(texts('No. 10 and he said no.')).toEqual(['No.', '10', 'and', 'he', 'said', 'no', '.']);
  });

  it('produces tokens that are exact, ordered, non-overlapping slices of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.text.trim()).toBe(t.text);
          last = t.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('covers every non-space character of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const covered = tokenize(text)
          .map((t) => t.text)
          .join('');
        expect(covered).toBe(text.replace(/\s+/gu, ''));
      }),
      { numRuns: 500 },
    );
  });
});
