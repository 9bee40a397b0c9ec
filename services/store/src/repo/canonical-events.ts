import { deriveId } from '@newsflow/shared';
import { runAll } from '../db/sql.ts';
import type { SourceRow } from '../db/tx-memo.ts';
import type { Queryable } from '../db/types.ts';
import { type ArgView, type EventView, eventMatchScore, KEY_ROLES } from '../merge/event-match.ts';
import { argsOf, canonicalEventsOf, noteSourceAdded, sourcesOf } from './event-views.ts';
import { topicalRows } from './story-views.ts';

export interface EventMergeSettings {
  /** Largest gap in days between the times of two reports of one happening. */
  eventWindowDays: number;
  /** How many related articles (sharing canonical entities) to search for matching events. */
  candidateArticles: number;
}

/** Which canonical location entities each of the given articles mentions (articles naming none are left out). */
async function locationsByArticle(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [id, rows] of await topicalRows(q, articleIds)) {
    const places = [...new Set(rows.filter((r) => r.type === 'location').map((r) => r.canonicalId))];
    if (places.length > 0) out.set(id, places);
  }
  return out;
}

/**
 * The canonical events an article's events may join (of their types, with sources among the related articles and
 * the article itself), and what their merged views are built from. Read once per article, then kept current by
 * `addSource` as the article's events join or create canonical events: those inserts are the only changes to these
 * rows meanwhile (the transaction holds the write lock), so the views are the ones re-reading them for every event
 * would give.
 */
interface Candidates {
  byType: Map<string, Set<string>>;
  sources: Map<string, SourceRow[]>;
  args: Map<string, ArgView[]>;
  locations: Map<string, string[]>;
  /** Merged views built so far, by canonical event id; `addSource` drops the one it changes. */
  views: Map<string, EventView>;
}

async function loadCandidates(
  q: Queryable,
  articleIds: readonly string[],
  types: readonly string[],
): Promise<Candidates> {
  const wanted = new Set(types);
  const byType = new Map<string, Set<string>>();
  for (const joined of (await canonicalEventsOf(q, articleIds)).values()) {
    for (const c of joined)
      if (wanted.has(c.type)) byType.set(c.type, (byType.get(c.type) ?? new Set()).add(c.id));
  }
  const sources = await sourcesOf(
    q,
    [...byType.values()].flatMap((ids) => [...ids]),
  );
  const rows = [...sources.values()].flat();
  return {
    byType,
    // addSource replaces these lists rather than growing them: the memo's lists stay as the database has them.
    sources,
    args: await argsOf(q, [...new Set(rows.map((r) => r.event_id))]),
    locations: await locationsByArticle(q, [...new Set([...rows.map((r) => r.article_id), ...articleIds])]),
    views: new Map(),
  };
}

/** Records that an event now reports canonical event `canonicalId` (what its event_sources row says). */
function addSource(c: Candidates, type: string, row: SourceRow): void {
  c.byType.set(type, (c.byType.get(type) ?? new Set()).add(row.canonical_event_id));
  c.sources.set(row.canonical_event_id, [...(c.sources.get(row.canonical_event_id) ?? []), row]);
  c.views.delete(row.canonical_event_id);
}

/** The merged view of a canonical event: the union of its sources' arguments, times and article locations. */
function viewOf(c: Candidates, id: string, type: string): EventView {
  const kept = c.views.get(id);
  if (kept) return kept;
  const own = c.sources.get(id) ?? [];
  // Arguments in event id order, then argument order, as one query over the sources would return them.
  const eventIds = [...new Set(own.map((s) => s.event_id))].sort(byteOrder);
  const view: EventView = {
    type,
    args: eventIds.flatMap((e) => c.args.get(e) ?? []),
    times: own
      .filter((s) => s.time_value && Number(s.time_resolved) === 1)
      .map((s) => s.time_value as string),
    articleLocations: new Set(own.flatMap((s) => c.locations.get(s.article_id) ?? [])),
  };
  c.views.set(id, view);
  return view;
}

/** Ids are `<prefix>_<fixed-length hex>`: byte order is also the order of any database collation. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A short label: the type and its key participants, e.g. `life.die: Abdallah Maki Mosleh al-Rifai`. */
function labelOf(type: string, args: readonly ArgView[]): string {
  const key = [...new Set(args.filter((a) => KEY_ROLES.has(a.role)).map((a) => a.text))].slice(0, 3);
  return key.length > 0 ? `${type}: ${key.join(', ')}` : type;
}

/**
 * Merges every not yet merged event of an article into canonical events: the best-scoring compatible canonical
 * event among those of related articles (sharing canonical entities) and of the same article, else a new one.
 * Resolves to the ids of the canonical events the article's events now belong to.
 */
export async function mergeArticleEvents(
  tx: Queryable,
  article: { id: string; outlet: string | null },
  settings: EventMergeSettings,
  now: string,
): Promise<string[]> {
  const events = await tx.all<{
    id: string;
    type: string;
    evidence_text: string;
    confidence: number;
    time_value: string | null;
    time_resolved: number | null;
  }>(
    `SELECT e.id, e.type, e.evidence_text, e.confidence, e.time_value, e.time_resolved FROM events e
     LEFT JOIN event_sources s ON s.event_id = e.id WHERE e.article_id = $1 AND s.event_id IS NULL ORDER BY e.id`,
    [article.id],
  );
  if (events.length === 0) return [];
  const args = await argsOf(
    tx,
    events.map((e) => e.id),
  );
  const related = await tx.all<{ article_id: string }>(
    `SELECT e2.article_id FROM entities e1 JOIN entities e2 ON e2.canonical_id = e1.canonical_id
     WHERE e1.article_id = $1 AND e2.article_id <> $1
     GROUP BY e2.article_id ORDER BY COUNT(*) DESC, e2.article_id LIMIT ${Math.trunc(settings.candidateArticles)}`,
    [article.id],
  );
  const articleIds = [article.id, ...related.map((r) => r.article_id)];
  const locations = new Set((await locationsByArticle(tx, [article.id])).get(article.id));
  const pool = await loadCandidates(tx, articleIds, [...new Set(events.map((e) => e.type))]);
  // The article's own events bring their arguments along when they become sources.
  for (const [id, list] of args) pool.args.set(id, list);
  const touched = new Set<string>();
  for (const e of events) {
    const view: EventView = {
      type: e.type,
      args: args.get(e.id) ?? [],
      times: e.time_value && Number(e.time_resolved) === 1 ? [e.time_value] : [],
      articleLocations: locations,
    };
    let best: { id: string; score: number } | undefined;
    for (const id of [...(pool.byType.get(e.type) ?? [])].sort(byteOrder)) {
      const score = eventMatchScore(view, viewOf(pool, id, e.type), settings.eventWindowDays);
      if (score > 0 && (!best || score > best.score)) best = { id, score };
    }
    const canonicalId = best?.id ?? deriveId('cev', e.id);
    const timeStart = view.times[0]?.slice(0, 10) ?? null;
    // Both writes depend only on what was read above: one round trip on PostgreSQL (runAll).
    const added = await runAll(tx, [
      best
        ? {
            sql: `UPDATE canonical_events SET updated_at = $2,
           time_start = CASE WHEN time_start IS NULL OR CAST($3 AS TEXT) < time_start THEN CAST($3 AS TEXT) ELSE time_start END
         WHERE id = $1`,
            params: [canonicalId, now, timeStart],
          }
        : {
            sql: `INSERT INTO canonical_events (id, type, label, time_start, story_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, NULL, $5, $5) ON CONFLICT (id) DO NOTHING`,
            params: [canonicalId, e.type, labelOf(e.type, view.args), timeStart, now],
          },
      {
        sql: `INSERT INTO event_sources (event_id, canonical_event_id, article_id, outlet, evidence, confidence, merge_rule, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
        params: [
          e.id,
          canonicalId,
          article.id,
          article.outlet,
          e.evidence_text,
          e.confidence,
          best ? 'merged' : 'new',
          now,
        ],
      },
    ]);
    if (added > 0) {
      const row: SourceRow = {
        canonical_event_id: canonicalId,
        event_id: e.id,
        article_id: article.id,
        time_value: e.time_value,
        time_resolved: e.time_resolved,
      };
      addSource(pool, e.type, row);
      noteSourceAdded(tx, e.type, row, !best);
    }
    touched.add(canonicalId);
  }
  return [...touched];
}
