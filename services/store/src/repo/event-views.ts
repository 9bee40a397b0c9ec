/**
 * What event merging and the story step read about canonical events, their sources and arguments. With the
 * writer's memo (db/tx-memo.ts) rows read once are kept and the writes below keep them current; without it every
 * call reads the database.
 */
import { placeholders } from '../db/sql.ts';
import { listsById, readThrough, type SourceRow, type StoredArg } from '../db/tx-memo.ts';
import type { Queryable } from '../db/types.ts';
import type { ArgView } from '../merge/event-match.ts';

/** The canonical events (id, type) each article's events joined, by article id (every requested id present). */
export function canonicalEventsOf(
  q: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, Array<{ id: string; type: string }>>> {
  return readThrough(articleIds, q.memo?.events.byArticle, async (part) => {
    const rows = await q.all<{ article_id: string; id: string; type: string }>(
      `SELECT DISTINCT s.article_id, c.id, c.type FROM event_sources s CROSS JOIN canonical_events c
       WHERE c.id = s.canonical_event_id AND s.article_id IN (${placeholders(part.length)})`,
      part,
    );
    return listsById(
      part,
      rows,
      (r) => r.article_id,
      (r) => ({ id: r.id, type: r.type }),
    );
  });
}

/** Every source of each canonical event, by canonical event id. */
export function sourcesOf(q: Queryable, canonicalIds: readonly string[]): Promise<Map<string, SourceRow[]>> {
  return readThrough(canonicalIds, q.memo?.events.sources, async (part) => {
    const rows = await q.all<SourceRow>(
      `SELECT s.canonical_event_id, s.event_id, s.article_id, e.time_value, e.time_resolved
       FROM event_sources s JOIN events e ON e.id = s.event_id
       WHERE s.canonical_event_id IN (${placeholders(part.length)})`,
      part,
    );
    return listsById(
      part,
      rows,
      (r) => r.canonical_event_id,
      (r) => r,
    );
  });
}

/** Keeps the views current after event merging inserted an event_sources row. */
export function noteSourceAdded(q: Queryable, type: string, row: SourceRow, newCanonical: boolean): void {
  const memo = q.memo?.events;
  if (!memo) return;
  const joined = memo.byArticle.get(row.article_id);
  if (joined && !joined.some((c) => c.id === row.canonical_event_id)) {
    joined.push({ id: row.canonical_event_id, type });
  }
  const sources = memo.sources.get(row.canonical_event_id);
  if (sources) sources.push(row);
  else if (newCanonical) memo.sources.set(row.canonical_event_id, [row]);
}

/** Current names of canonical entities, by id. */
function canonicalNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  return readThrough(ids, q.memo?.events.names, async (part) => {
    const rows = await q.all<{ id: string; name: string }>(
      `SELECT id, name FROM canonical_entities WHERE id IN (${placeholders(part.length)})`,
      part,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  });
}

/** Keeps the views current after storeEntity wrote an entity and its canonical entity's name. */
export function noteEntityWritten(q: Queryable, entityId: string, canonicalId: string, name: string): void {
  const memo = q.memo?.events;
  if (!memo) return;
  memo.names.set(canonicalId, name);
  // Arguments kept before their entity arrived now have a canonical entity: read them again when needed.
  for (const eventId of memo.awaiting.get(entityId) ?? []) memo.args.delete(eventId);
  memo.awaiting.delete(entityId);
}

/**
 * The arguments of stored events as event merging sees them (the canonical entity's current name for linked
 * arguments), by event id, in argument order.
 */
export async function argsOf(q: Queryable, eventIds: readonly string[]): Promise<Map<string, ArgView[]>> {
  const memo = q.memo?.events;
  const stored = await readThrough(eventIds, memo?.args, async (part) => {
    const rows = await q.all<{
      event_id: string;
      role: string;
      text: string;
      entity_id: string | null;
      canonical_id: string | null;
      roles: string | null;
    }>(
      `SELECT a.event_id, a.role, a.text, a.entity_id, en.canonical_id, en.roles
       FROM event_arguments a LEFT JOIN entities en ON en.id = a.entity_id
       WHERE a.event_id IN (${placeholders(part.length)}) ORDER BY a.event_id, a.idx`,
      part,
    );
    const lists = listsById(
      part,
      rows,
      (r) => r.event_id,
      (r): StoredArg => ({
        role: r.role,
        text: r.text,
        entityId: r.entity_id,
        canonicalId: r.canonical_id,
        roles: r.roles ? (JSON.parse(r.roles) as StoredArg['roles']) : [],
      }),
    );
    // An argument whose entity is not stored yet: its event's arguments are read again once the entity is.
    for (const [id, list] of lists) {
      for (const a of list) {
        if (a.entityId && !a.canonicalId && memo) {
          memo.awaiting.set(a.entityId, [...(memo.awaiting.get(a.entityId) ?? []), id]);
        }
      }
    }
    return lists;
  });
  const canonical: string[] = [];
  for (const list of stored.values()) for (const a of list) if (a.canonicalId) canonical.push(a.canonicalId);
  const names = await canonicalNames(q, canonical);
  const out = new Map<string, ArgView[]>();
  for (const [id, list] of stored) {
    if (list.length === 0) continue;
    out.set(
      id,
      list.map((a) => ({
        role: a.role,
        text: (a.canonicalId ? names.get(a.canonicalId) : undefined) ?? a.text,
        canonicalId: a.canonicalId ?? undefined,
        roles: a.roles,
      })),
    );
  }
  return out;
}
