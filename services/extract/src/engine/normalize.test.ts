import { describe, expect, it } from 'vitest';
import { entityId, entityKey } from './ids.ts';
import { initialsOf, nameWords, normalizeName } from './normalize.ts';

describe('name normalisation', () => {
  it('folds case, dots of initialisms, curly apostrophes, articles and possessives', () => {
    expect(normalizeName('the U.S.-led Coalition')).toBe('us-led coalition');
    expect(normalizeName('Iraq’s national intelligence service')).toBe(
      "iraq's national intelligence service",
    );
    expect(normalizeName('ISIS’s')).toBe('isis');
    expect(normalizeName('Rifaï')).toBe('rifai');
  });

  it('drops Arabic articles from name words so Assad matches al-Assad', () => {
    expect(nameWords('Bashar al-Assad')).toEqual(['bashar', 'assad']);
    expect(nameWords('Al-Rifai')).toEqual(['rifai']);
  });

  it('spells acronym candidates with and without function words', () => {
    expect(initialsOf('Hayat Tahrir al-Sham')).toContain('HTS');
    expect(initialsOf('Islamic State of Iraq and Syria')).toContain('ISIS');
    expect(initialsOf('Securities and Exchange Commission')).toEqual(['SEC', 'SAEC']);
  });
});

describe('entity ids', () => {
  it('derive from article, version and canonical key only', () => {
    const key = entityKey('person', 'Fouad Hussein');
    expect(key).toBe('person:fouad hussein');
    expect(entityId('a1', 'v1', key)).toBe(entityId('a1', 'v1', key));
    expect(entityId('a1', 'v1', key)).toMatch(/^ent_[0-9a-f]{24}$/);
    expect(entityId('a1', 'v2', key)).not.toBe(entityId('a1', 'v1', key));
    expect(entityId('a2', 'v1', key)).not.toBe(entityId('a1', 'v1', key));
  });
});
