/**
 * The newsflow event taxonomy: ACE/KAIROS-style type names, each mapped to PLOVER (2021 CAMEO-to-PLOVER table)
 * and to a default CAMEO code, with the argument roles the type takes and the KAIROS types and roles it
 * corresponds to (used to score on WikiEvents). docs/event-taxonomy.md documents the same data.
 *
 * PLOVER has no category for plain statements, movements, disasters or transactions (it dropped CAMEO 01/02):
 * those types carry `plover.event = 'NONE'`; `cameo` is '' where CAMEO has no code.
 */
import { EVENT_TYPES, type EventTypeDef } from './taxonomy-data.ts';

export { EVENT_TYPES, type EventTypeDef } from './taxonomy-data.ts';

const BY_TYPE = new Map(EVENT_TYPES.map((d) => [d.type, d]));
const BY_KAIROS = new Map(EVENT_TYPES.flatMap((d) => d.kairos.map((k) => [k, d.type] as const)));

/** The definition of a taxonomy type; throws on an unknown type (a programming error). */
export function eventType(type: string): EventTypeDef {
  const d = BY_TYPE.get(type);
  if (!d) throw new Error(`unknown event type ${type}`);
  return d;
}

/** Our type for a KAIROS type, or undefined when the taxonomy does not cover it. */
export function typeForKairos(kairosType: string): string | undefined {
  return BY_KAIROS.get(kairosType);
}

/**
 * True when a gold event of `kairosType` counts as classified by a prediction of our `type`: the mapped type, or
 * any subtype of the type's KAIROS family (see `EventTypeDef.kairosFamily`).
 */
export function matchesKairos(type: string, kairosType: string): boolean {
  if (BY_KAIROS.get(kairosType) === type) return true;
  const family = BY_TYPE.get(type)?.kairosFamily;
  return !!family && kairosType.startsWith(family);
}
