/**
 * Argument frames: for each event type, which role a syntactic slot (subject, object, passive subject,
 * possessor, or a preposition) fills, tried in order and filtered by the phrase's semantic class.
 */

import { FRAMES, type Slot } from './frames-data.ts';
import type { FrameVariant } from './lexicon.ts';
import type { PhraseClass } from './np.ts';
import type { EventRole } from './types.ts';

export type { Slot } from './frames-data.ts';

const c = (x: string): ReadonlySet<PhraseClass> => new Set(x.split(' ') as PhraseClass[]);
const ACCEPT: Record<EventRole, ReadonlySet<PhraseClass>> = {
  agent: c('person name other place'),
  victim: c('person name other'),
  target: c('person name other place vehicle'),
  instrument: c('weapon vehicle'),
  place: c('place name'),
  time: c('time'),
  participant: c('person name place'),
  speaker: c('person name place'),
  recipient: c('person name place'),
  topic: c('other name'),
  origin: c('place name'),
  destination: c('place name'),
  artifact: c('person name other place weapon vehicle'),
  person: c('person name other'),
  authority: c('person name'),
  crime: c('other'),
  organization: c('person name'),
};

/** Patient role an intransitive subject fills ("he died" -> victim). */
const INTRANSITIVE: Record<string, EventRole[]> = {
  'life.die': ['victim'],
  'artifact.damage': ['artifact'],
  'disaster.fire': ['artifact'],
  'personnel.end_position': ['person'],
  'conflict.attack': ['instrument'],
};

/** The role a phrase of class `cls` in `slot` fills for this event type, or undefined. */
export function roleFor(
  type: string,
  variant: FrameVariant | undefined,
  slot: Slot,
  cls: PhraseClass,
): EventRole | undefined {
  if (cls === 'time') return undefined;
  if (variant === 'instrumentSubject' && slot === 'subj' && cls !== 'place') return 'instrument';
  if (variant === 'instrumentObject' && (slot === 'obj' || slot === 'pass') && cls !== 'place')
    return 'instrument';
  let roles = FRAMES[type]?.[slot];
  if (slot === 'subj' && variant === 'intransitive') roles = INTRANSITIVE[type];
  if (variant === 'acquire' && slot === 'subj') roles = ['recipient'];
  if (!roles) return undefined;
  return roles.find((r) => ACCEPT[r].has(cls));
}

/** True when the type takes more than one filler of the role from a coordination ("X and Y met"). */
export function multiRole(role: EventRole): boolean {
  return role !== 'time' && role !== 'instrument' && role !== 'origin';
}
