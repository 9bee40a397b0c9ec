import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cosine,
  isStopWord,
  jaccard,
  nameTokensOf,
  termCounts,
  textSimilarity,
  textVectors,
  tfidf,
} from './text.ts';

describe('text features', () => {
  it('counts words without stop words, and names inside sentences separately', () => {
    const counts = termCounts('The police arrested Tara Reid. Police said Reid was 33.');
    expect(counts).toMatchObject({
      police: 2,
      arrested: 1,
      tara: 2,
      reid: 4,
      '@tara': 1,
      '@reid': 2,
      '@33': 1,
    });
    expect(counts).not.toHaveProperty('the');
    expect(counts).not.toHaveProperty('@police'); // capitalised only because it starts a sentence
  });

  it('counts as the plain definition does (one regular expression per step), on seeds and on random text', () => {
    const seeds = join(import.meta.dirname, '../../../../seeds');
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(seeds, f), 'utf8');
      expect(termCounts(text)).toEqual(plainTermCounts(text));
    }
    const pieces = fc.constantFrom(
      ...['The', 'police', "Reid's", "REID'S", 'al-Rifai', 'Jones’', 'well-', 'İstanbul', 'Élysée', 'ſtate'],
      ...['2013', '3.5', '1,000', '.', '!', '?', '\n', ' ', ' ', 'É', 'é', 'Ω', 'ω', 'x', "'s", '-', '’'],
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(termCounts(text)).toEqual(plainTermCounts(text));
      }),
      { numRuns: 500 },
    );
  });

  it('scores articles about the same people above articles about the same kind of happening', () => {
    const df = () => 1;
    const v = (t: string) => textVectors(termCounts(t), df, 10);
    const a = v('Actress Tara Reid checked into rehab at Promises in Malibu, her publicist said.');
    const b = v('A publicist says Tara Reid has checked herself into the Promises rehab centre.');
    const c = v('Actress Lindsay Lohan checked into rehab at Betty Ford, her lawyer said.');
    expect(textSimilarity(a, b)).toBeGreaterThan(textSimilarity(a, c));
  });

  it('gives unit vectors, so a text is most similar to itself', () => {
    const x = tfidf({ a: 3, b: 1 }, () => 1, 5);
    expect(cosine(x, x)).toBeCloseTo(1);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
  });

  it('gives the name tokens of an entity as name terms spell them', () => {
    expect(nameTokensOf("José O'Neil of the Chargers")).toEqual(['jose', "o'neil", 'chargers']);
  });
});

/** The definition termCounts implements faster: each step one regular expression, as first written. */
function plainTermCounts(text: string, maxTerms = 300): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, n: number) => counts.set(term, (counts.get(term) ?? 0) + n);
  const tokens =
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/\p{L}[\p{L}\p{N}'’-]*|\d+(?:[.,]\d+)?|[.!?\n]/gu) ?? [];
  let sentenceStart = true;
  for (const raw of tokens) {
    if (/^[.!?\n]$/.test(raw)) {
      sentenceStart = true;
      continue;
    }
    const word = raw.replace(/['’]s$/i, '').replace(/['’-]+$/, '');
    const lower = word.toLowerCase();
    const capital = /^\p{Lu}/u.test(word) && !sentenceStart;
    sentenceStart = false;
    const number = /^\d/.test(lower);
    if ((lower.length < 3 && !number) || isStopWord(lower)) continue;
    if (!number) add(lower, capital ? 2 : 1);
    if (capital || number) add(`@${lower}`, 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxTerms);
  return Object.fromEntries(top);
}
