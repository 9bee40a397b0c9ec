import { chunks, placeholders, rowsPlaceholders } from '../db/sql.ts';
import { countFeatureArticles, type TxMemo } from '../db/tx-memo.ts';
import type { Queryable } from '../db/types.ts';
import { NAME_PREFIX, type TextVectors, termCounts, textVectors, tfidf, topTerms } from '../merge/text.ts';
import {
  currentVectors,
  dfKnown,
  invalidateVectors,
  keepVectors,
  markDfKnown,
  type ParsedCounts,
  parseCounts,
  recallParsed,
  rememberParsed,
  vectorsOf,
} from '../merge/vector-cache.ts';

/** How many of an article's terms go into the inverted index used to find candidate story mates. */
export const INDEXED_TERMS = 15;

/**
 * Current document frequencies of `terms`, and the number of articles with features. Inside a transaction with a
 * memo, only terms not read (or written) before in the transaction are queried.
 */
export async function loadDf(
  q: Queryable,
  terms: Iterable<string>,
): Promise<{ df: Map<string, number>; n: number }> {
  const memo = q.memo;
  const df = new Map<string, number>();
  const missing = new Set<string>();
  for (const t of terms) {
    if (df.has(t) || missing.has(t)) continue;
    const known = memo?.df.get(t);
    if (known === undefined) missing.add(t);
    else if (known > 0) df.set(t, known);
  }
  for (const part of chunks([...missing], 500)) {
    const rows = await q.all<{ term: string; df: number }>(
      `SELECT term, df FROM term_stats WHERE term IN (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) df.set(r.term, Number(r.df));
    if (memo) for (const t of part) memo.df.set(t, df.get(t) ?? 0);
  }
  return { df, n: await articleCount(q) };
}

/** The number of articles with features (the N of idf); with the writer's memo, read once and kept current. */
export async function articleCount(q: Queryable): Promise<number> {
  if (q.memo?.articleCount !== undefined) return q.memo.articleCount;
  const n = await countFeatureArticles(q);
  if (q.memo) q.memo.articleCount = n;
  return n;
}

/** The statement counting `n` terms into the document frequencies, built once per `n` (articles have ≤ 300). */
const countTermsStatements: string[] = [];

function countTermsSql(n: number): string {
  let sql = countTermsStatements[n];
  if (sql === undefined) {
    sql = `INSERT INTO term_stats (term, df) VALUES ${Array.from({ length: n }, (_, i) => `($${i + 1}, 1)`).join(', ')}
       ON CONFLICT (term) DO UPDATE SET df = term_stats.df + 1`;
    countTermsStatements[n] = sql;
  }
  return sql;
}

/** Saves an article's term counts, counts its terms into the document frequencies and indexes its top terms. */
export async function saveFeatures(tx: Queryable, articleId: string, text: string): Promise<void> {
  const counts = termCounts(text);
  const inserted = await tx.run(
    'INSERT INTO article_features (article_id, vector) VALUES ($1, $2) ON CONFLICT (article_id) DO NOTHING',
    [articleId, JSON.stringify(counts)],
  );
  if (inserted === 0) return;
  const terms = Object.keys(counts);
  for (const part of chunks(terms, 400)) await tx.run(countTermsSql(part.length), part);
  const memo = tx.memo;
  if (memo) {
    // Keep the memo exact: what this transaction just wrote.
    invalidateVectors(memo.vectors);
    if (memo.articleCount !== undefined) memo.articleCount++;
    for (const t of terms) {
      const known = memo.df.get(t);
      if (known !== undefined) memo.df.set(t, known + 1);
    }
  }
  const { df, n } = await loadDf(tx, terms);
  const top = topTerms(
    tfidf(
      Object.fromEntries(Object.entries(counts).filter(([t]) => !t.startsWith(NAME_PREFIX))),
      (t) => df.get(t) ?? 1,
      n,
    ),
    INDEXED_TERMS,
  );
  if (top.length === 0) return;
  await tx.run(
    `INSERT INTO article_terms (term, article_id) VALUES ${rowsPlaceholders(top.length, 2)} ON CONFLICT DO NOTHING`,
    top.flatMap((t) => [t, articleId]),
  );
}

function* termsOf(counts: Iterable<Record<string, number>>): Iterable<string> {
  for (const c of counts) for (const t in c) yield t;
}

/** TF-IDF vectors (current frequencies) of the given articles, keyed by article id. */
export async function loadVectors(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, TextVectors>> {
  if (q.memo) return loadVectorsMemo(q, q.memo, articleIds);
  const counts = new Map<string, Record<string, number>>();
  for (const part of chunks([...new Set(articleIds)], 500)) {
    const rows = await q.all<{ article_id: string; vector: string }>(
      `SELECT article_id, vector FROM article_features WHERE article_id IN (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) counts.set(r.article_id, JSON.parse(r.vector) as Record<string, number>);
  }
  const { df, n } = await loadDf(q, termsOf(counts.values()));
  const out = new Map<string, TextVectors>();
  for (const [id, c] of counts)
    out.set(
      id,
      textVectors(c, (t) => df.get(t) ?? 1, n),
    );
  return out;
}

/**
 * loadVectors with the writer's memo: vectors still valid at the memo's current frequencies are reused; the others
 * are computed from parsed counts (equal to textVectors, see merge/vector-cache.ts) after reading only the
 * frequencies the memo lacks.
 */
async function loadVectorsMemo(
  q: Queryable,
  memo: TxMemo,
  articleIds: readonly string[],
): Promise<Map<string, TextVectors>> {
  const cache = memo.vectors;
  const out = new Map<string, TextVectors>();
  const stale = new Map<string, ParsedCounts>();
  const missing: string[] = [];
  for (const id of new Set(articleIds)) {
    const parsed = recallParsed(cache, id);
    const vectors = parsed && currentVectors(cache, id);
    if (vectors) out.set(id, vectors);
    else if (parsed) stale.set(id, parsed);
    else missing.push(id);
  }
  for (const part of chunks(missing, 500)) {
    const rows = await q.all<{ article_id: string; vector: string }>(
      `SELECT article_id, vector FROM article_features WHERE article_id IN (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) {
      const parsed = parseCounts(JSON.parse(r.vector) as Record<string, number>);
      stale.set(r.article_id, parsed);
      rememberParsed(cache, r.article_id, parsed);
    }
  }
  if (stale.size === 0) return out;
  await learnDf(q, memo, stale);
  const n = memo.articleCount ?? 0;
  // As loadDf's map: a term without a row (0) or unknown counts as 1.
  const dfOf = (t: string) => {
    const d = memo.df.get(t);
    return d !== undefined && d > 0 ? d : 1;
  };
  for (const [id, parsed] of stale) {
    const vectors = vectorsOf(cache, parsed, dfOf, n);
    out.set(id, vectors);
    keepVectors(cache, id, vectors);
  }
  return out;
}

/** Puts the frequencies of the articles' terms the memo does not know yet, and the article count, into the memo. */
async function learnDf(q: Queryable, memo: TxMemo, parsed: ReadonlyMap<string, ParsedCounts>): Promise<void> {
  const missing = new Set<string>();
  for (const [id, p] of parsed) {
    if (dfKnown(memo.vectors, id)) continue;
    for (const list of [p.words, p.names]) for (const t of list) if (!memo.df.has(t)) missing.add(t);
  }
  // loadDf puts every frequency it reads (0 for a term without a row) and the article count into the memo.
  await loadDf(q, missing);
  // memo.df only loses terms when the memo forgets, which starts a new generation.
  for (const id of parsed.keys()) markDfKnown(memo.vectors, id);
}
