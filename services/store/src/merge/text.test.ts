import { describe, expect, it } from 'vitest';
import { cosine, jaccard, nameTokensOf, termCounts, textSimilarity, textVectors, tfidf } from './text.ts';

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
