/**
 * Bag-of-words features for story clustering: term counts per article, TF-IDF weights from corpus document
 * frequencies, cosine similarity. Pure functions: the caches behind `cosine` and `textSimilarity` are keyed by the
 * vectors themselves, which never change once built.
 */

import { packedDot } from './packed.ts';

const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having he ' +
    'her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor ' +
    'not now of off on once only or other our ours ourselves out over own same she should so some such than that ' +
    'the their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours yourself said says say told ' +
    'according new one two three first last year years time people reported report reports including including ' +
    'news may might must shall us mr mrs ms yesterday today tomorrow week day days monday tuesday wednesday ' +
    'thursday friday saturday sunday night morning since around another many much well even still back get got ' +
    'made make like going way around however though although'
  ).split(/\s+/),
);

/** Whether a lower-case word is one of the stop words `termCounts` leaves out. */
export function isStopWord(lower: string): boolean {
  return STOP.has(lower);
}

/** Weight of capitalised words (names of people, places, organisations) relative to other words. */
const PROPER_BOOST = 2;
/** Prefix of name terms: capitalised words inside a sentence, and numbers (years, ages, magnitudes, tolls). */
export const NAME_PREFIX = '@';

/**
 * Term counts of a text: lower-cased words of 3+ letters without stop words (capitalised words counted double),
 * plus name terms (`@reid`, `@2013`) for capitalised words that do not start a sentence and for numbers. The
 * names say which happening an article is about (Tara Reid's rehab, not Lindsay Lohan's); the words say what kind.
 */
export function termCounts(text: string, maxTerms = 300): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, n: number) => counts.set(term, (counts.get(term) ?? 0) + n);
  const tokens = text.normalize('NFKD').replace(/\p{M}/gu, '').match(TOKEN) ?? [];
  let sentenceStart = true;
  for (const raw of tokens) {
    const first = raw.charCodeAt(0);
    if (raw.length === 1 && (first === 46 || first === 33 || first === 63 || first === 10)) {
      // . ! ? or a line break
      sentenceStart = true;
      continue;
    }
    // Strip a possessive 's and trailing apostrophes or hyphens; most tokens end in neither (checked first).
    const last = raw.charCodeAt(raw.length - 1);
    const word =
      last === 115 || last === 83 || last === 39 || last === 0x2019 || last === 45
        ? raw.replace(/['’]s$/i, '').replace(/['’-]+$/, '')
        : raw;
    const lower = word.toLowerCase();
    const number = first >= 48 && first <= 57;
    const capital = !sentenceStart && !number && startsUpper(word);
    sentenceStart = false;
    if ((lower.length < 3 && !number) || STOP.has(lower)) continue;
    if (!number) add(lower, capital ? PROPER_BOOST : 1);
    if (capital || number) add(`${NAME_PREFIX}${lower}`, 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxTerms);
  return Object.fromEntries(top);
}

/** Words (a letter, then letters, digits, apostrophes, hyphens), numbers, and sentence ends. */
const TOKEN = /\p{L}[\p{L}\p{N}'’-]*|\d+(?:[.,]\d+)?|[.!?\n]/gu;

/** Whether a word starts with an upper-case letter (ASCII answered without a regular expression). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Inverse document frequency, smoothed: ln((1 + n) / (1 + df)) + 1. */
export function idf(df: number, n: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** Term weights. Never changed once built: `cosine` and `textSimilarity` keep derived forms of each vector. */
export type Vector = Map<string, number>;

/** A unit-length TF-IDF vector (sublinear tf) from term counts and document frequencies. */
export function tfidf(counts: Record<string, number>, dfOf: (term: string) => number, n: number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, c] of Object.entries(counts)) {
    const w = (1 + Math.log(c)) * idf(dfOf(term), n);
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** An article's two unit vectors: all words, and names only. */
export interface TextVectors {
  words: Vector;
  names: Vector;
}

/** Splits term counts into word and name vectors, each TF-IDF weighted and normalised. */
export function textVectors(
  counts: Record<string, number>,
  dfOf: (term: string) => number,
  n: number,
): TextVectors {
  const words: Record<string, number> = {};
  const names: Record<string, number> = {};
  for (const [t, c] of Object.entries(counts)) {
    if (t.startsWith(NAME_PREFIX)) names[t] = c;
    else words[t] = c;
  }
  return { words: tfidf(words, dfOf, n), names: tfidf(names, dfOf, n) };
}

/** Weight of the names vector in text similarity (measured on ECB+, docs/storage.md). */
export const NAME_WEIGHT = 0.5;

/** How much similarity is left when two articles name years and share none (different happenings, mostly). */
export const YEAR_CONFLICT_FACTOR = 0.5;
const YEAR = new RegExp(`^${NAME_PREFIX}(?:19|20)\\d\\d$`);

/** Year terms of a names vector, kept while the vector lives (vectors do not change once built). */
const yearsOf = new WeakMap<Vector, string[]>();

function years(v: TextVectors): string[] {
  let ys = yearsOf.get(v.names);
  if (!ys) {
    ys = [...v.names.keys()].filter((t) => YEAR.test(t));
    yearsOf.set(v.names, ys);
  }
  return ys;
}

/**
 * Text similarity of two articles: cosine of the word vectors blended with cosine of the name vectors, reduced
 * when both name years and none is shared (a 2008 earthquake and a 2013 earthquake are two stories).
 */
export function textSimilarity(a: TextVectors, b: TextVectors): number {
  const sim = (1 - NAME_WEIGHT) * cosine(a.words, b.words) + NAME_WEIGHT * cosine(a.names, b.names);
  const ya = years(a);
  const yb = years(b);
  const conflict = ya.length > 0 && yb.length > 0 && !ya.some((y) => b.names.has(y));
  return conflict ? sim * YEAR_CONFLICT_FACTOR : sim;
}

/** Cosine of two unit vectors (each term of the smaller one, in its order, times the other's weight). */
export function cosine(a: Vector, b: Vector): number {
  return a.size <= b.size ? packedDot(a, b) : packedDot(b, a);
}

/** The `k` terms with the highest weight: the article's entries in the inverted index. */
export function topTerms(v: Vector, k: number): string[] {
  return [...v.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, k)
    .map(([t]) => t);
}

/** The keys of a set or a map. */
type Keyed = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/** |A ∩ B| / |A ∪ B| of two sets (or of two maps' keys), 0 for two empty ones. */
export function jaccard(a: Keyed, b: Keyed): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a.keys()) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Lower-cased name tokens of 3+ letters, as `termCounts` writes them after the name prefix. */
export function nameTokensOf(name: string): string[] {
  const words =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
  return words
    .map((w) =>
      w
        .replace(/['’]s$/i, '')
        .replace(/['’-]+$/, '')
        .toLowerCase(),
    )
    .filter((w) => w.length >= 3 && !STOP.has(w));
}
