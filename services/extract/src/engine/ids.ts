import { createHash } from 'node:crypto';
import { normalizeName } from './normalize.ts';
import type { EntityKind } from './types.ts';

/**
 * Canonical key of an entity inside one article: its kind and normalised canonical name
 * ("person:abdallah maki mosleh al-rifai", "date:2025-03-13"). Equal keys name the same entity.
 */
export function entityKey(kind: EntityKind, canonical: string): string {
  return `${kind}:${kind === 'date' ? canonical : normalizeName(canonical)}`;
}

/**
 * Deterministic entity id from (article id, extractor version, canonical key): re-running the same extractor
 * version on the same article yields the same ids, so downstream upserts make replays harmless. The only place
 * ids are derived; swap in the shared helper here when it exists.
 */
export function entityId(articleId: string, version: string, key: string): string {
  return createHash('sha256').update(`${articleId}\u0000${version}\u0000${key}`).digest('hex').slice(0, 32);
}
