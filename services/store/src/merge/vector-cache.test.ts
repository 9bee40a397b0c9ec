import { describe, expect, it } from 'vitest';
import { termCounts, textVectors } from './text.ts';
import {
  createVectorCache,
  currentVectors,
  invalidateVectors,
  keepVectors,
  parseCounts,
  recallParsed,
  rememberParsed,
  vectorsOf,
} from './vector-cache.ts';

const TEXT =
  'Police arrested Tara Reid in Malibu on Friday. Reid, 33, checked into Promises in 2013, her publicist said. ' +
  'The publicist said the actress was well.';

describe('cached TF-IDF vectors', () => {
  it('equal textVectors exactly: same terms, same order, same bits', () => {
    const counts = termCounts(TEXT);
    const df = (t: string) => (t.length % 5) + 1;
    for (const n of [0, 1, 7, 1000]) {
      const expected = textVectors(counts, df, n);
      const got = vectorsOf(createVectorCache(), parseCounts(counts), df, n);
      expect([...got.words]).toEqual([...expected.words]);
      expect([...got.names]).toEqual([...expected.names]);
    }
  });

  it('handles an article without names or without terms', () => {
    const cache = createVectorCache();
    const none = vectorsOf(cache, parseCounts({}), () => 1, 3);
    expect(none.words.size + none.names.size).toBe(0);
    const words = { river: 2, water: 1 };
    expect([...vectorsOf(cache, parseCounts(words), () => 2, 3).words]).toEqual([
      ...textVectors(words, () => 2, 3).words,
    ]);
  });

  it('keeps vectors only for the version they were computed at', () => {
    const cache = createVectorCache();
    const parsed = parseCounts(termCounts(TEXT));
    rememberParsed(cache, 'a1', parsed);
    expect(recallParsed(cache, 'a1')).toBe(parsed);
    expect(currentVectors(cache, 'a1')).toBeUndefined();
    const v = vectorsOf(cache, parsed, () => 1, 4);
    keepVectors(cache, 'a1', v);
    expect(currentVectors(cache, 'a1')).toBe(v);
    invalidateVectors(cache);
    expect(currentVectors(cache, 'a1')).toBeUndefined();
    expect(recallParsed(cache, 'a1')).toBe(parsed); // parsed counts never go stale
    keepVectors(cache, 'unknown', v);
    expect(currentVectors(cache, 'unknown')).toBeUndefined();
  });

  it('bounds how many articles it keeps, dropping the least recently used', () => {
    const cache = createVectorCache();
    const parsed = parseCounts({ river: 1 });
    for (let i = 0; i < 3001; i++) {
      rememberParsed(cache, `a${i}`, parsed);
      if (i === 1) recallParsed(cache, 'a0');
    }
    expect(cache.entries.size).toBe(3000);
    expect(recallParsed(cache, 'a0')).toBe(parsed);
    expect(recallParsed(cache, 'a1')).toBeUndefined();
  });
});
