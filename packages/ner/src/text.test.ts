import { describe, expect, it } from 'vitest';
import { foldToken, isAllCaps, isCapitalized, normalizeToken, shortShape, wordShape } from './text.ts';

describe('token normalisation and shapes', () => {
  it('maps typographic quotes, apostrophes and dashes to ASCII', () => {
    expect(normalizeToken('\u2019s')).toBe("'s");
    expect(normalizeToken('\u201c')).toBe('"');
    expect(normalizeToken('``')).toBe('"');
    expect(normalizeToken('al\u2013Rifai')).toBe('al-Rifai');
  });

  it('folds case and digits', () => {
    expect(foldToken('1996-08-22')).toBe('0000-00-00');
    expect(foldToken('U.S.')).toBe('u.s.');
  });

  it('computes long and collapsed word shapes', () => {
    expect(wordShape('Obama')).toBe('Xxxx');
    expect(shortShape(wordShape('Obama'))).toBe('Xx');
    expect(shortShape(wordShape('U.S.'))).toBe('X.X.');
    expect(shortShape(wordShape('1996-08-22'))).toBe('d-d-d');
    expect(shortShape(wordShape('Élysée'))).toBe('Xx');
  });

  it('recognises capitalised and all-caps tokens', () => {
    expect(isCapitalized('Paris')).toBe(true);
    expect(isCapitalized('paris')).toBe(false);
    expect(isAllCaps('NATO')).toBe(true);
    expect(isAllCaps('1996')).toBe(false);
  });
});
