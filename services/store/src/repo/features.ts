import { chunks, placeholders, rowsPlaceholders } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';
import { NAME_PREFIX, type TextVectors, termCounts, textVectors, tfidf, topTerms } from '../merge/text.ts';

/** How many of an article's terms go into the inverted index used to find candidate story mates. */
export const INDEXED_TERMS = 15;

/** Current document frequencies of `terms`, and the number of articles with features. */
export async function loadDf(
  q: Queryable,
  terms: readonly string[],
): Promise<{ df: Map<string, number>; n: number }> {
  const df = new Map<string, number>();
  for (const part of chunks([...new Set(terms)], 500)) {
    const rows = await q.all<{ term: string; df: number }>(
      `SELECT term, df FROM term_stats WHERE term IN (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) df.set(r.term, Number(r.df));
  }
  const row = await q.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM article_features');
  return { df, n: Number(row?.n ?? 0) };
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
  for (const part of chunks(terms, 400)) {
    await tx.run(
      `INSERT INTO term_stats (term, df) VALUES ${part.map((_, i) => `($${i + 1}, 1)`).join(', ')}
       ON CONFLICT (term) DO UPDATE SET df = term_stats.df + 1`,
      part,
    );
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

/** TF-IDF vectors (current frequencies) of the given articles, keyed by article id. */
export async function loadVectors(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, TextVectors>> {
  const counts = new Map<string, Record<string, number>>();
  for (const part of chunks([...new Set(articleIds)], 500)) {
    const rows = await q.all<{ article_id: string; vector: string }>(
      `SELECT article_id, vector FROM article_features WHERE article_id IN (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) counts.set(r.article_id, JSON.parse(r.vector) as Record<string, number>);
  }
  const { df, n } = await loadDf(
    q,
    [...counts.values()].flatMap((c) => Object.keys(c)),
  );
  const out = new Map<string, TextVectors>();
  for (const [id, c] of counts)
    out.set(
      id,
      textVectors(c, (t) => df.get(t) ?? 1, n),
    );
  return out;
}
