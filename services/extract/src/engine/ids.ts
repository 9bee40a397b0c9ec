import { entityIdFor } from '@newsflow/shared';
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
 * Deterministic entity id from (article id, extractor version, canonical key), derived by the shared helper
 * that the published messages use: re-running the same extractor version on the same article yields the same
 * ids, so downstream upserts make replays harmless.
 */
export function entityId(articleId: string, version: string, key: string): string {
  return entityIdFor(articleId, version, key);
}
