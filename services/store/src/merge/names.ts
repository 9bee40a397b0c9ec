/**
 * Name normalisation and lookup keys for entity resolution. Pure functions: the same names always give the
 * same keys, in any process.
 */

/** Lookup key kinds: a full normalised name, an acronym of a multi-word name, or a person's surname. */
export type KeyKind = 'name' | 'acronym' | 'surname';
export interface NameKey {
  kind: KeyKind;
  key: string;
}

const ARABIC_ARTICLE = /\b(?:al|el|ad|ash|as|at|an|ar|az)[-\s](?=\p{L})/gu;
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'sheikh',
  'gen',
  'general',
  'president',
  'minister',
]);
const ACRONYM_STOP = new Set(['of', 'the', 'and', 'in', 'for', 'de', 'la', 'du', 'des', 'on', 'at', 'to']);

/**
 * Lower case, no diacritics or quotes, possessive `'s` dropped, Arabic article prefixes dropped (`al-Rifai` and
 * `Rifai`, `Bashar al-Assad` and `Bashar Assad` normalise alike), punctuation to spaces, a leading `the` dropped.
 */
export function normalizeName(name: string): string {
  const known = normalized.get(name);
  if (known !== undefined) return known;
  const out = normalizeUncached(name);
  if (normalized.size >= MAX_NORMALIZED) normalized.clear();
  normalized.set(name, out);
  return out;
}

/**
 * Normalised names by name: event matching and canonical resolution normalise the same few thousand names over
 * and over (every candidate pair of arguments). Started over when full.
 */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 50_000;

function normalizeUncached(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replaceAll('.', ''))
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/gi, '')
    .replace(/["“”«»']/g, '')
    .toLowerCase()
    .replace(ARABIC_ARTICLE, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '');
}

/** The tokens of a normalised name, without honorifics. */
export function nameTokens(name: string): string[] {
  const tokens = normalizeName(name).split(' ').filter(Boolean);
  const kept = tokens.filter((t) => !HONORIFICS.has(t));
  return kept.length > 0 ? kept : tokens;
}

/** True for names written as an acronym: `ISIS`, `U.S.`, `HTS`, `NATO`. */
export function looksLikeAcronym(name: string): boolean {
  const compact = name.replace(/[.\s]/g, '');
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(compact);
}

/** The acronym of a multi-word name from its capitalised words: `Islamic State in Iraq and Syria` -> `isis`. */
export function acronymOf(name: string): string | undefined {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[\s-]+/)
    .filter((w) => w && !ACRONYM_STOP.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  return words.map((w) => (w[0] as string).toLowerCase()).join('');
}

/** The keys under which a canonical entity of `type` is found, for each of its names. */
export function keysFor(type: string, names: readonly string[]): NameKey[] {
  const out = new Map<string, NameKey>();
  const add = (kind: KeyKind, key: string | undefined) => {
    if (key) out.set(`${kind}:${key}`, { kind, key });
  };
  for (const name of names) {
    const tokens = nameTokens(name);
    if (tokens.length === 0) continue;
    add('name', tokens.join(' '));
    if (looksLikeAcronym(name)) add('name', name.replace(/[.\s]/g, '').toLowerCase());
    if (tokens.length >= 2) {
      if (type === 'person') add('surname', tokens[tokens.length - 1]);
      else add('acronym', acronymOf(name));
    }
  }
  return [...out.values()];
}
