import { describe, expect, it } from 'vitest';
import { acronymOf, keysFor, looksLikeAcronym, nameTokens, normalizeName } from './names.ts';

describe('normalizeName', () => {
  it('drops Arabic articles, quotes, possessives and diacritics so spellings of one name agree', () => {
    expect(normalizeName('Abdallah Maki Mosleh al-Rifai')).toBe('abdallah maki mosleh rifai');
    expect(normalizeName('Al-Rifai’s')).toBe('rifai');
    expect(normalizeName('Bashar al-Assad')).toBe(normalizeName('Bashar Assad'));
    expect(normalizeName('“Abu Khadija”')).toBe('abu khadija');
    expect(normalizeName('Zürich')).toBe('zurich');
  });

  it('joins dotted initials so U.S. and US agree', () => {
    expect(normalizeName('U.S.-led coalition')).toBe(normalizeName('US-led coalition'));
  });

  it('answers the same from its memo, also after the memo filled up and started over', () => {
    const first = ['Abdallah Maki Mosleh al-Rifai', 'U.S.-led coalition', 'Zürich'].map(normalizeName);
    for (let i = 0; i < 60_000; i++) normalizeName(`Person ${i} al-Example`);
    expect(normalizeName('Person 7 al-Example')).toBe('person 7 example');
    expect(['Abdallah Maki Mosleh al-Rifai', 'U.S.-led coalition', 'Zürich'].map(normalizeName)).toEqual(
      first,
    );
    expect(first).toEqual(['abdallah maki mosleh rifai', 'us led coalition', 'zurich']);
  });

  it('leaves honorifics out of the name tokens', () => {
    expect(nameTokens('President Bashar al-Assad')).toEqual(['bashar', 'assad']);
  });
});

describe('acronyms', () => {
  it('builds the acronym of a multi-word name from its capitalised words, skipping function words', () => {
    expect(acronymOf('Islamic State in Iraq and Syria')).toBe('isis');
    expect(acronymOf('Hayat Tahrir al-Sham')).toBeUndefined();
    expect(acronymOf('North Atlantic Treaty Organization')).toBe('nato');
  });

  it('recognises names written as acronyms', () => {
    expect(looksLikeAcronym('ISIS')).toBe(true);
    expect(looksLikeAcronym('U.S.')).toBe(true);
    expect(looksLikeAcronym('Iraq')).toBe(false);
  });
});

describe('keysFor', () => {
  it('gives people a surname key and organisations an acronym key', () => {
    expect(keysFor('person', ['Mohammed Shia al-Sudani'])).toContainEqual({ kind: 'surname', key: 'sudani' });
    expect(keysFor('organization', ['Islamic State in Iraq and Syria'])).toContainEqual({
      kind: 'acronym',
      key: 'isis',
    });
  });
});
