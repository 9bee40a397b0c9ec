import { deriveId, type EntityData } from '@newsflow/shared';
import { placeholders, rowsPlaceholders, runAll, type Statement, v } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';
import { keysFor, nameTokens } from '../merge/names.ts';
import { chooseCanonical, type KeyHit, probesFor, type Resolution } from '../merge/resolve.ts';
import { noteEntityWritten } from './event-views.ts';
import { noteEntityStored } from './story-views.ts';

/** Finds the canonical entity an article entity belongs to, by the keys it would match, with its current name. */
export async function findCanonical(
  tx: Queryable,
  e: EntityData,
): Promise<(Resolution & { name: string | undefined }) | undefined> {
  const probes = probesFor(e.type, e.name, e.aliases);
  const keys = [...new Set(probes.map((p) => p.key))];
  if (keys.length === 0) return undefined;
  const hits = await tx.all<{ key: string; kind: KeyHit['kind']; canonical_id: string; name: string }>(
    // CROSS JOIN makes SQLite probe the keys first; otherwise it walks every canonical entity of the type (its
    // index on type looks selective without statistics), work that grows with the database. PostgreSQL plans freely.
    `SELECT k.key, k.kind, k.canonical_id, c.name FROM entity_keys k CROSS JOIN canonical_entities c
     WHERE c.id = k.canonical_id AND c.type = $1 AND k.key IN (${placeholders(keys.length, 2)})`,
    [e.type, ...keys],
  );
  const match = chooseCanonical(
    probes,
    hits.map((h) => ({ key: h.key, kind: h.kind, canonicalId: h.canonical_id })),
  );
  if (!match) return undefined;
  return { ...match, name: hits.find((h) => h.canonical_id === match.canonicalId)?.name };
}

/** The writes that add the entity's names, keys and roles to a canonical entity, with provenance. */
function enrichCanonical(canonicalId: string, e: EntityData): Statement[] {
  const names = [...new Set([e.name, ...e.aliases])];
  const keys = keysFor(e.type, names);
  const out: Statement[] = [
    {
      sql: `INSERT INTO entity_keys (key, kind, canonical_id) VALUES ${rowsPlaceholders(keys.length, 3)} ON CONFLICT DO NOTHING`,
      params: keys.flatMap((k) => [k.key, k.kind, canonicalId]),
    },
    {
      sql: `INSERT INTO entity_aliases (canonical_id, alias, entity_id, article_id) VALUES ${rowsPlaceholders(names.length, 4)}
     ON CONFLICT DO NOTHING`,
      params: names.flatMap((n) => [canonicalId, n, e.id, e.articleId]),
    },
  ];
  if (e.roles.length > 0) {
    out.push({
      sql: `INSERT INTO entity_roles (canonical_id, title, affiliation, qualifier, entity_id, article_id)
       VALUES ${rowsPlaceholders(e.roles.length, 6)} ON CONFLICT DO NOTHING`,
      params: e.roles.flatMap((r) => [
        canonicalId,
        r.title,
        r.affiliation ?? '',
        r.qualifier ?? '',
        e.id,
        e.articleId,
      ]),
    });
  }
  return out;
}

/**
 * The canonical name of two candidates: more name tokens, then the longer, then the alphabetically first, so the
 * result does not depend on which article arrived first.
 */
export function preferredName(a: string, b: string): string {
  const ta = nameTokens(a).length;
  const tb = nameTokens(b).length;
  if (ta !== tb) return ta > tb ? a : b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a <= b ? a : b;
}

/**
 * Stores an article entity and links it to a canonical entity (an existing one by exact, alias, acronym or
 * surname match, else a new one whose id derives from this entity's id). Resolves false when it was stored
 * already. The canonical name is the fullest
 * name seen (preferredName).
 */
export async function storeEntity(tx: Queryable, e: EntityData, now: string): Promise<boolean> {
  const exists = await tx.get('SELECT 1 AS x FROM entities WHERE id = $1', [e.id]);
  if (exists) return false;
  const match = await findCanonical(tx, e);
  const canonicalId = match?.canonicalId ?? deriveId('cen', e.id);
  // A new canonical entity takes this entity's name (its id derives from this entity's, so it did not exist).
  const canonicalName = match?.name !== undefined ? preferredName(match.name, e.name) : e.name;
  // Every write below depends only on the lookups above: one round trip on PostgreSQL (runAll).
  const writes: Statement[] = [
    match
      ? {
          sql: 'UPDATE canonical_entities SET updated_at = $2, name = $3 WHERE id = $1',
          params: [canonicalId, now, canonicalName],
        }
      : {
          sql: `INSERT INTO canonical_entities (id, type, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (id) DO NOTHING`,
          params: [canonicalId, e.type, e.name, now],
        },
    ...enrichCanonical(canonicalId, e),
    {
      sql: `INSERT INTO entities (id, article_id, type, name, aliases, roles, salience, confidence, normalized,
       extractor_name, extractor_version, canonical_id, match_rule, match_key, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      params: [
        e.id,
        e.articleId,
        e.type,
        e.name,
        JSON.stringify(e.aliases),
        JSON.stringify(e.roles),
        e.salience,
        e.confidence,
        v(e.normalized),
        e.extractor.name,
        e.extractor.version,
        canonicalId,
        match?.rule ?? 'new',
        v(match?.key),
        now,
      ],
    },
    {
      sql: `INSERT INTO mentions (entity_id, idx, article_id, text, start_offset, end_offset, sentence)
     VALUES ${rowsPlaceholders(e.mentions.length, 7)} ON CONFLICT DO NOTHING`,
      params: e.mentions.flatMap((m, i) => [e.id, i, e.articleId, m.text, m.start, m.end, m.sentence]),
    },
  ];
  await runAll(tx, writes);
  noteEntityStored(tx, { ...e, canonicalId });
  noteEntityWritten(tx, e.id, canonicalId, canonicalName);
  return true;
}
