/**
 * The story step compares a new article with every recent member of every candidate story, so the same members'
 * TF-IDF vectors were rebuilt (JSON parse, split, weights, norms) for every article. This keeps, per article, its
 * term counts parsed and split once, and its last vectors with the document-frequency version they were computed
 * at: while no article has been added (and the writer's memo was not forgotten), the vectors are still exact.
 * When they are stale they are recomputed with the same arithmetic, in the same order, as `textVectors`, so the
 * values are bit-for-bit those of `textVectors(counts, dfOf, n)`.
 */
import { idf, NAME_PREFIX, type TextVectors, type Vector } from './text.ts';

/** Term counts split as `textVectors` splits them (same order), with the sublinear tf `1 + ln c` precomputed. */
export interface ParsedCounts {
  words: string[];
  wordTf: number[];
  names: string[];
  nameTf: number[];
}

interface Entry {
  parsed: ParsedCounts;
  /** The frequencies of all its terms were known to the writer's memo in this generation of the cache. */
  dfKnown: number;
  /** `vectors` hold for this version of the cache only. */
  version: number;
  vectors: TextVectors | undefined;
}

export interface VectorCache {
  /** Bumped whenever a document frequency or the article count may have changed. */
  version: number;
  /** Bumped whenever the writer's memo forgets its frequencies. */
  generation: number;
  /** By article id, least recently used first. */
  entries: Map<string, Entry>;
  /** idf by document frequency, for article count `idfN`. */
  idfN: number;
  idfByDf: Map<number, number>;
}

/** Parsed articles kept (a few KB each, more with vectors): the candidate stories of many consecutive merges. */
const MAX_ENTRIES = 3000;

export function createVectorCache(): VectorCache {
  return { version: 0, generation: 0, entries: new Map(), idfN: -1, idfByDf: new Map() };
}

/** Every cached vector is stale from now on (a frequency changed). */
export function invalidateVectors(cache: VectorCache): void {
  cache.version++;
}

/** The writer's memo forgot its frequencies: vectors are stale and no article's terms are known to it. */
export function forgetFrequencies(cache: VectorCache): void {
  cache.version++;
  cache.generation++;
}

/** Whether the memo was told (`markDfKnown`) that it knows the frequencies of all the article's terms. */
export function dfKnown(cache: VectorCache, articleId: string): boolean {
  return cache.entries.get(articleId)?.dfKnown === cache.generation;
}

export function markDfKnown(cache: VectorCache, articleId: string): void {
  const e = cache.entries.get(articleId);
  if (e) e.dfKnown = cache.generation;
}

export function parseCounts(counts: Record<string, number>): ParsedCounts {
  const p: ParsedCounts = { words: [], wordTf: [], names: [], nameTf: [] };
  for (const [t, c] of Object.entries(counts)) {
    if (t.startsWith(NAME_PREFIX)) {
      p.names.push(t);
      p.nameTf.push(1 + Math.log(c));
    } else {
      p.words.push(t);
      p.wordTf.push(1 + Math.log(c));
    }
  }
  return p;
}

/** The cached entry of an article (marked recently used), if any. */
export function recallParsed(cache: VectorCache, articleId: string): ParsedCounts | undefined {
  const e = cache.entries.get(articleId);
  if (!e) return undefined;
  cache.entries.delete(articleId);
  cache.entries.set(articleId, e);
  return e.parsed;
}

/** The article's vectors if they were computed at the current version. */
export function currentVectors(cache: VectorCache, articleId: string): TextVectors | undefined {
  const e = cache.entries.get(articleId);
  return e && e.version === cache.version ? e.vectors : undefined;
}

export function rememberParsed(cache: VectorCache, articleId: string, parsed: ParsedCounts): void {
  cache.entries.delete(articleId);
  cache.entries.set(articleId, { parsed, dfKnown: -1, version: -1, vectors: undefined });
  if (cache.entries.size > MAX_ENTRIES) {
    const oldest = cache.entries.keys().next();
    if (!oldest.done) cache.entries.delete(oldest.value);
  }
}

function idfOf(cache: VectorCache, df: number, n: number): number {
  if (cache.idfN !== n) {
    cache.idfN = n;
    cache.idfByDf.clear();
  }
  let v = cache.idfByDf.get(df);
  if (v === undefined) {
    v = idf(df, n);
    cache.idfByDf.set(df, v);
  }
  return v;
}

/** As `tfidf`: weights in term order, norm summed in the same order, then each weight divided by it. */
function weigh(
  cache: VectorCache,
  terms: readonly string[],
  tf: readonly number[],
  dfOf: (term: string) => number,
  n: number,
): Vector {
  const w = new Array<number>(terms.length);
  let norm = 0;
  for (let i = 0; i < terms.length; i++) {
    const x = (tf[i] as number) * idfOf(cache, dfOf(terms[i] as string), n);
    w[i] = x;
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  const v: Vector = new Map();
  for (let i = 0; i < terms.length; i++) v.set(terms[i] as string, (w[i] as number) / norm);
  return v;
}

/** Equal to `textVectors(counts, dfOf, n)` for the counts `parsed` came from. */
export function vectorsOf(
  cache: VectorCache,
  parsed: ParsedCounts,
  dfOf: (term: string) => number,
  n: number,
): TextVectors {
  return {
    words: weigh(cache, parsed.words, parsed.wordTf, dfOf, n),
    names: weigh(cache, parsed.names, parsed.nameTf, dfOf, n),
  };
}

/** Keeps vectors just computed (at the current version) for a cached article. */
export function keepVectors(cache: VectorCache, articleId: string, vectors: TextVectors): void {
  const e = cache.entries.get(articleId);
  if (!e) return;
  e.vectors = vectors;
  e.version = cache.version;
}
