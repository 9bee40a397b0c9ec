/** What story clustering reads about articles besides their text: their canonical entities and events. */
import { placeholders } from '../db/sql.ts';
import { listsById, MAX_ENTITY_ARTICLES, readThrough, type TopicalEntity } from '../db/tx-memo.ts';
import type { Queryable } from '../db/types.ts';
import type { EntityMark } from '../merge/similarity.ts';
import { idf, nameTokensOf } from '../merge/text.ts';
import { canonicalEventsOf } from './event-views.ts';
import { articleCount } from './features.ts';

/** Entity types that say what a story is about (dates and nationalities say little). */
export const TOPICAL_TYPES: ReadonlySet<string> = new Set(['person', 'organization', 'location', 'misc']);

/** TOPICAL_TYPES as an SQL list: `('person', ...)`. */
export const TOPICAL = `(${[...TOPICAL_TYPES].map((t) => `'${t}'`).join(', ')})`;

/**
 * The order an article's topical entity rows are kept in: by canonical id, higher salience first, then by name
 * (JavaScript's order, not the database's collation), so it never depends on the engine or on arrival order.
 */
function byCanonical(a: TopicalEntity, b: TopicalEntity): number {
  if (a.canonicalId !== b.canonicalId) return a.canonicalId < b.canonicalId ? -1 : 1;
  if (a.salience !== b.salience) return b.salience - a.salience;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Every topical entity row of each article, in `byCanonical` order. With the writer's memo, articles read before
 * come from it (storeEntity keeps it current) and those read now are added to it.
 */
export async function topicalRows(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, TopicalEntity[]>> {
  const memo = q.memo?.entities;
  const out = await readThrough(articleIds, memo?.rows, async (part) => {
    const rows = await q.all<{
      article_id: string;
      canonical_id: string;
      type: string;
      name: string;
      salience: number;
    }>(
      `SELECT article_id, canonical_id, type, name, salience FROM entities
       WHERE type IN ${TOPICAL} AND article_id IN (${placeholders(part.length)})`,
      part,
    );
    const lists = listsById(
      part,
      rows,
      (r) => r.article_id,
      (r) => ({
        canonicalId: r.canonical_id,
        type: r.type,
        tokens: nameTokensOf(r.name),
        salience: Number(r.salience),
        name: r.name,
      }),
    );
    for (const list of lists.values()) list.sort(byCanonical);
    return lists;
  });
  if (memo) {
    // Most recently used last; the least recently used go first when the memo is full.
    for (const [id, list] of out) {
      memo.rows.delete(id);
      memo.rows.set(id, list);
    }
    for (const id of memo.rows.keys()) {
      if (memo.rows.size <= MAX_ENTITY_ARTICLES) break;
      memo.rows.delete(id);
    }
  }
  return out;
}

/** Articles naming each canonical entity, among all stored articles (with the memo: read once, then kept current). */
function entityDf(q: Queryable, canonicalIds: Iterable<string>): Promise<Map<string, number>> {
  return readThrough(canonicalIds, q.memo?.entities.df, async (part) => {
    const counts = await q.all<{ canonical_id: string; df: number }>(
      `SELECT canonical_id, CAST(COUNT(DISTINCT article_id) AS INTEGER) AS df FROM entities
       WHERE canonical_id IN (${placeholders(part.length)}) GROUP BY canonical_id`,
      part,
    );
    const df = new Map<string, number>(part.map((id) => [id, 0]));
    for (const c of counts) df.set(c.canonical_id, Number(c.df));
    return df;
  });
}

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
  const rows = await topicalRows(q, articleIds);
  const canonical = new Set<string>();
  for (const list of rows.values()) for (const r of list) canonical.add(r.canonicalId);
  const df = await entityDf(q, canonical);
  const n = await articleCount(q);
  for (const [articleId, list] of rows) {
    if (list.length === 0) continue;
    const marks = new Map<string, EntityMark>();
    for (const r of list) {
      // Rows come highest salience first within a canonical entity: the first one stands for it.
      if (marks.has(r.canonicalId)) continue;
      marks.set(r.canonicalId, {
        type: r.type,
        tokens: r.tokens,
        salience: r.salience,
        idf: idf(df.get(r.canonicalId) ?? 1, n),
      });
    }
    out.set(articleId, marks);
  }
  return out;
}

/**
 * Keeps the writer's memo exact after storeEntity inserted an article entity: the article's kept rows gain it, and
 * the canonical entity's kept frequency grows when the article did not name it before (or is dropped when the
 * memo cannot tell).
 */
export function noteEntityStored(
  q: Queryable,
  e: { articleId: string; canonicalId: string; type: string; name: string; salience: number },
): void {
  const memo = q.memo?.entities;
  if (!memo || !TOPICAL_TYPES.has(e.type)) return;
  const rows = memo.rows.get(e.articleId);
  const known = memo.df.get(e.canonicalId);
  if (known !== undefined) {
    if (!rows) memo.df.delete(e.canonicalId);
    else if (!rows.some((r) => r.canonicalId === e.canonicalId)) memo.df.set(e.canonicalId, known + 1);
  }
  if (rows) {
    const row = {
      canonicalId: e.canonicalId,
      type: e.type,
      tokens: nameTokensOf(e.name),
      salience: e.salience,
      name: e.name,
    };
    let i = rows.findIndex((r) => byCanonical(row, r) < 0);
    if (i < 0) i = rows.length;
    rows.splice(i, 0, row);
  }
}

/** The canonical events each article reports, keyed by article id (articles reporting none are left out). */
export async function eventSets(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const [id, joined] of await canonicalEventsOf(q, articleIds)) {
    if (joined.length > 0) out.set(id, new Set(joined.map((c) => c.id)));
  }
  return out;
}
