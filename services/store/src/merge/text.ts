/**
 * Bag-of-words features for story clustering: term counts per article, TF-IDF weights from corpus document
 * frequencies, cosine similarity. Pure functions.
 */

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

/** Weight of capitalised words (names of people, places, organisations) relative to other words. */
const PROPER_BOOST = 2;

/** Term counts of a text: lower-cased words of 3+ letters, stop words out, capitalised words counted double. */
export function termCounts(text: string, maxTerms = 300): Record<string, number> {
  const counts = new Map<string, number>();
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').match(/\p{L}[\p{L}\p{N}'’-]*|\d{4}/gu) ?? [];
  let sentenceStart = true;
  for (const raw of words) {
    const word = raw.replace(/['’]s$/i, '').replace(/['’-]+$/, '');
    const lower = word.toLowerCase();
    const capital = /^\p{Lu}/u.test(word) && !sentenceStart;
    sentenceStart = false;
    if (lower.length < 3 || STOP.has(lower)) continue;
    counts.set(lower, (counts.get(lower) ?? 0) + (capital ? PROPER_BOOST : 1));
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxTerms);
  return Object.fromEntries(top);
}

/** Inverse document frequency, smoothed: ln((1 + n) / (1 + df)) + 1. */
export function idf(df: number, n: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

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

/** Cosine of two unit vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** The `k` terms with the highest weight: the article's entries in the inverted index. */
export function topTerms(v: Vector, k: number): string[] {
  return [...v.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, k)
    .map(([t]) => t);
}

/** |A ∩ B| / |A ∪ B|, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
