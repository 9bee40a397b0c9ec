import { describe, expect, it } from 'vitest';
import { keysFor } from './names.ts';
import { chooseCanonical, type KeyHit, probesFor } from './resolve.ts';

/** Canonical entities as they would be stored: id -> names; the hits are the keys the probes find. */
function resolve(type: string, name: string, aliases: string[], known: Record<string, string[]>) {
  const probes = probesFor(type, name, aliases);
  const hits: KeyHit[] = [];
  for (const [id, names] of Object.entries(known)) {
    for (const k of keysFor(type, names)) {
      if (probes.some((p) => p.key === k.key && p.kind === k.kind)) hits.push({ ...k, canonicalId: id });
    }
  }
  return chooseCanonical(probes, hits);
}

describe('entity resolution', () => {
  const rifai = { c1: ['Abdallah Maki Mosleh al-Rifai', 'al-Rifai', 'Abu Khadija'] };

  it('links an exact name match', () => {
    expect(resolve('person', 'Abdallah Maki Mosleh al-Rifai', [], rifai)).toMatchObject({
      canonicalId: 'c1',
      rule: 'exact',
    });
  });

  it('links a nickname through a known alias', () => {
    expect(resolve('person', 'Abu Khadija', [], rifai)).toMatchObject({ canonicalId: 'c1', rule: 'exact' });
    expect(resolve('person', 'Khadija Abu', ['Abu Khadija'], rifai)).toMatchObject({
      canonicalId: 'c1',
      rule: 'alias',
    });
  });

  it('links a surname-only mention to the one person with that surname', () => {
    expect(resolve('person', 'Sudani', [], { c2: ['Mohammed Shia al-Sudani'] })).toMatchObject({
      canonicalId: 'c2',
      rule: 'surname',
    });
  });

  it('links a full name to a person known so far only by that surname', () => {
    expect(resolve('person', 'Mohammed Shia al-Sudani', [], { c3: ['al-Sudani'] })).toMatchObject({
      canonicalId: 'c3',
      rule: 'surname',
    });
  });

  it('does not link a surname shared by two people', () => {
    const known = { a: ['Bashar al-Assad'], b: ['Hafez al-Assad'] };
    expect(resolve('person', 'Assad', [], known)).toBeUndefined();
  });

  it('does not link a full name to a surname-only person when someone else already has that surname', () => {
    expect(resolve('person', 'Bashar al-Assad', [], { a: ['Assad'], b: ['Hafez al-Assad'] })).toBeUndefined();
  });

  it('does not link two people who only share a surname', () => {
    expect(resolve('person', 'Hafez al-Assad', [], { a: ['Bashar al-Assad'] })).toBeUndefined();
  });

  it('links an acronym to the organisation whose name it abbreviates, and back', () => {
    const isis = { o1: ['Islamic State in Iraq and Syria'] };
    expect(resolve('organization', 'ISIS', [], isis)).toMatchObject({ canonicalId: 'o1', rule: 'acronym' });
    expect(resolve('organization', 'Islamic State in Iraq and Syria', [], { o2: ['ISIS'] })).toMatchObject({
      canonicalId: 'o2',
      rule: 'acronym',
    });
  });

  it('keeps types apart: a person is never matched by key lookups of another type', () => {
    expect(resolve('organization', 'Jordan', [], {})).toBeUndefined();
  });
});
