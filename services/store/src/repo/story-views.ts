/** What story clustering reads about articles besides their text: their canonical entities and events. */
import { chunks, placeholders } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';
import type { EntityMark } from '../merge/similarity.ts';
import { idf, nameTokensOf } from '../merge/text.ts';

/** Entity types that say what a story is about (dates and nationalities say little). */
export const TOPICAL = "('person', 'organization', 'location', 'misc')";

/**
 * An article's topical canonical entities with salience, name tokens and idf (articles naming the canonical entity
 * among all stored articles), keyed by article id, then canonical id (the highest salience when named twice).
 */
export async function entityMarks(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, Map<string, EntityMark>>> {
  const out = new Map<string, Map<string, EntityMark>>();
  if (articleIds.length === 0) return out;
  const rows = await q.all<{
    article_id: string;
    canonical_id: string;
    type: string;
    name: string;
    salience: number;
  }>(
    `SELECT article_id, canonical_id, type, name, salience FROM entities
     WHERE type IN ${TOPICAL} AND article_id IN (${placeholders(articleIds.length)})`,
    articleIds,
  );
  const canonical = [...new Set(rows.map((r) => r.canonical_id))];
  const df = new Map<string, number>();
  for (const part of chunks(canonical, 500)) {
    const counts = await q.all<{ canonical_id: string; df: number }>(
      `SELECT canonical_id, CAST(COUNT(DISTINCT article_id) AS INTEGER) AS df FROM entities
       WHERE canonical_id IN (${placeholders(part.length)}) GROUP BY canonical_id`,
      part,
    );
    for (const c of counts) df.set(c.canonical_id, Number(c.df));
  }
  const n = Number(
    (await q.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM article_features'))?.n ?? 0,
  );
  for (const r of rows) {
    if (!out.has(r.article_id)) out.set(r.article_id, new Map());
    const marks = out.get(r.article_id) as Map<string, EntityMark>;
    const seen = marks.get(r.canonical_id);
    if (seen && seen.salience >= Number(r.salience)) continue;
    marks.set(r.canonical_id, {
      type: r.type,
      tokens: nameTokensOf(r.name),
      salience: Number(r.salience),
      idf: idf(df.get(r.canonical_id) ?? 1, n),
    });
  }
  return out;
}

/** The canonical events each article reports, keyed by article id. */
export async function eventSets(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (articleIds.length === 0) return out;
  const rows = await q.all<{ article_id: string; canonical_event_id: string }>(
    `SELECT DISTINCT article_id, canonical_event_id FROM event_sources WHERE article_id IN (${placeholders(articleIds.length)})`,
    articleIds,
  );
  for (const r of rows) {
    if (!out.has(r.article_id)) out.set(r.article_id, new Set());
    out.get(r.article_id)?.add(r.canonical_event_id);
  }
  return out;
}
