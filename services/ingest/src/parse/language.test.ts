import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS, seedPath } from '../testing/fixtures.ts';
import { detectLanguage, normaliseLanguageTag } from './language.ts';

describe('detectLanguage', () => {
  it('recognises the English seeds', () => {
    for (const seed of SEEDS) expect(detectLanguage(readFileSync(seedPath(seed), 'utf8'))).toBe('en');
  });

  it('recognises a short English sentence full of names', () => {
    expect(
      detectLanguage(
        'The Iraqi intelligence service, with U.S. support, has killed Abdallah Maki Mosleh al-Rifai.',
      ),
    ).toBe('en');
  });

  it('recognises French, German and Spanish', () => {
    expect(
      detectLanguage('Le gouvernement a annoncé hier une nouvelle réforme des retraites pour tous.'),
    ).toBe('fr');
    expect(
      detectLanguage('Die Bundesregierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen.'),
    ).toBe('de');
    expect(
      detectLanguage('El gobierno anunció ayer nuevas medidas económicas para el país y sus regiones.'),
    ).toBe('es');
  });

  it('says nothing about text too short to tell', () => {
    expect(detectLanguage('Hello')).toBeNull();
  });
});

describe('normaliseLanguageTag', () => {
  it('keeps the primary subtag', () => {
    expect(normaliseLanguageTag('en-GB')).toBe('en');
    expect(normaliseLanguageTag('EN')).toBe('en');
    expect(normaliseLanguageTag('en_US')).toBe('en');
    expect(normaliseLanguageTag('english')).toBeNull();
  });
});
