import { deriveId } from '@newsflow/shared';
import { chunks, placeholders } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';
import { type ArgView, type EventView, eventMatchScore, KEY_ROLES } from '../merge/event-match.ts';

export interface EventMergeSettings {
  /** Largest gap in days between the times of two reports of one happening. */
  eventWindowDays: number;
  /** How many related articles (sharing canonical entities) to search for matching events. */
  candidateArticles: number;
}

interface ArgRow {
  event_id: string;
  role: string;
  text: string;
  canonical_id: string | null;
  canonical_name: string | null;
  roles: string | null;
}

async function argsOf(q: Queryable, eventIds: readonly string[]): Promise<Map<string, ArgView[]>> {
  const out = new Map<string, ArgView[]>();
  const rows: ArgRow[] = [];
  for (const part of chunks(eventIds, 500)) {
    rows.push(
      ...(await q.all<ArgRow>(
        `SELECT a.event_id, a.role, a.text, en.canonical_id, ce.name AS canonical_name, en.roles
         FROM event_arguments a LEFT JOIN entities en ON en.id = a.entity_id
         LEFT JOIN canonical_entities ce ON ce.id = en.canonical_id
         WHERE a.event_id IN (${placeholders(part.length)}) ORDER BY a.event_id, a.idx`,
        part,
      )),
    );
  }
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push({
      role: r.role,
      text: r.canonical_name ?? r.text,
      canonicalId: r.canonical_id ?? undefined,
      roles: r.roles ? (JSON.parse(r.roles) as ArgView['roles']) : [],
    });
    out.set(r.event_id, list);
  }
  return out;
}

async function locationsOf(q: Queryable, articleIds: readonly string[]): Promise<Set<string>> {
  if (articleIds.length === 0) return new Set();
  const rows = await q.all<{ canonical_id: string }>(
    `SELECT DISTINCT canonical_id FROM entities WHERE type = 'location' AND article_id IN (${placeholders(articleIds.length)})`,
    articleIds,
  );
  return new Set(rows.map((r) => r.canonical_id));
}

/** Which canonical location entities each of the given articles mentions. */
async function locationsByArticle(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(articleIds, 500)) {
    const rows = await q.all<{ article_id: string; canonical_id: string }>(
      `SELECT DISTINCT article_id, canonical_id FROM entities WHERE type = 'location' AND article_id IN (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.canonical_id]);
  }
  return out;
}

/**
 * The merged views of canonical events of one type, keyed by id: the union of each one's sources' arguments,
 * times and article locations. A fixed number of statements however many candidates (not three per candidate).
 */
async function canonicalViews(
  q: Queryable,
  canonicalIds: readonly string[],
  type: string,
): Promise<Map<string, EventView>> {
  const sources: {
    canonical_event_id: string;
    event_id: string;
    article_id: string;
    time_value: string | null;
    time_resolved: number | null;
  }[] = [];
  for (const part of chunks(canonicalIds, 500)) {
    sources.push(
      ...(await q.all<(typeof sources)[number]>(
        `SELECT s.canonical_event_id, s.event_id, s.article_id, e.time_value, e.time_resolved
         FROM event_sources s JOIN events e ON e.id = s.event_id
         WHERE s.canonical_event_id IN (${placeholders(part.length)})`,
        part,
      )),
    );
  }
  const args = await argsOf(q, [...new Set(sources.map((s) => s.event_id))]);
  const locations = await locationsByArticle(q, [...new Set(sources.map((s) => s.article_id))]);
  const out = new Map<string, EventView>();
  for (const id of canonicalIds) {
    const own = sources.filter((s) => s.canonical_event_id === id);
    // Arguments in event id order, then argument order, as one query over the sources would return them.
    const eventIds = [...new Set(own.map((s) => s.event_id))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    out.set(id, {
      type,
      args: eventIds.flatMap((e) => args.get(e) ?? []),
      times: own
        .filter((s) => s.time_value && Number(s.time_resolved) === 1)
        .map((s) => s.time_value as string),
      articleLocations: new Set(own.flatMap((s) => locations.get(s.article_id) ?? [])),
    });
  }
  return out;
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
  const locations = await locationsOf(tx, [article.id]);
  const touched = new Set<string>();
  for (const e of events) {
    const view: EventView = {
      type: e.type,
      args: args.get(e.id) ?? [],
      times: e.time_value && Number(e.time_resolved) === 1 ? [e.time_value] : [],
      articleLocations: locations,
    };
    const candidates = await tx.all<{ id: string }>(
      `SELECT DISTINCT c.id FROM canonical_events c JOIN event_sources s ON s.canonical_event_id = c.id
       WHERE c.type = $1 AND s.article_id IN (${placeholders(articleIds.length, 2)}) ORDER BY c.id`,
      [e.type, ...articleIds],
    );
    let best: { id: string; score: number } | undefined;
    const views = await canonicalViews(
      tx,
      candidates.map((c) => c.id),
      e.type,
    );
    for (const c of candidates) {
      const cv = views.get(c.id);
      if (!cv) continue;
      const score = eventMatchScore(view, cv, settings.eventWindowDays);
      if (score > 0 && (!best || score > best.score)) best = { id: c.id, score };
    }
    const canonicalId = best?.id ?? deriveId('cev', e.id);
    const timeStart = view.times[0]?.slice(0, 10) ?? null;
    if (!best) {
      await tx.run(
        `INSERT INTO canonical_events (id, type, label, time_start, story_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, NULL, $5, $5) ON CONFLICT (id) DO NOTHING`,
        [canonicalId, e.type, labelOf(e.type, view.args), timeStart, now],
      );
    } else {
      await tx.run(
        `UPDATE canonical_events SET updated_at = $2,
           time_start = CASE WHEN time_start IS NULL OR CAST($3 AS TEXT) < time_start THEN CAST($3 AS TEXT) ELSE time_start END
         WHERE id = $1`,
        [canonicalId, now, timeStart],
      );
    }
    await tx.run(
      `INSERT INTO event_sources (event_id, canonical_event_id, article_id, outlet, evidence, confidence, merge_rule, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
      [
        e.id,
        canonicalId,
        article.id,
        article.outlet,
        e.evidence_text,
        e.confidence,
        best ? 'merged' : 'new',
        now,
      ],
    );
    touched.add(canonicalId);
  }
  return [...touched];
}
