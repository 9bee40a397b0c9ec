/**
 * Argument frames: for each event type, which role a syntactic slot (subject, object, passive subject,
 * possessor, or a preposition) fills, tried in order and filtered by the phrase's semantic class.
 */
import type { FrameVariant } from './lexicon.ts';
import type { PhraseClass } from './np.ts';
import type { EventRole } from './types.ts';

export type Slot = 'subj' | 'obj' | 'pass' | 'poss' | string;
type SlotTable = Partial<Record<Slot, EventRole[]>>;

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

const PLACE_PREPS: SlotTable = {
  in: ['place'],
  at: ['place'],
  near: ['place'],
  outside: ['place'],
  inside: ['place'],
  across: ['place'],
  throughout: ['place'],
};

const VIOLENT: SlotTable = {
  ...PLACE_PREPS,
  subj: ['instrument', 'agent'],
  by: ['instrument', 'agent'],
  with: ['instrument'],
  via: ['instrument'],
  in: ['instrument', 'place'],
};

const FRAMES: Record<string, SlotTable> = {
  'conflict.attack': {
    ...VIOLENT,
    obj: ['target'],
    pass: ['target'],
    on: ['target'],
    against: ['target'],
    of: ['target'],
    poss: ['agent'],
  },
  'conflict.abduct': { ...PLACE_PREPS, subj: ['agent'], by: ['agent'], obj: ['victim'], pass: ['victim'], of: ['victim'] },
  'conflict.demonstrate': { ...PLACE_PREPS, subj: ['agent'], by: ['agent'], poss: ['agent'], against: ['target'] },
  'conflict.mobilize': {
    ...PLACE_PREPS,
    subj: ['agent'],
    obj: ['artifact'],
    of: ['artifact'],
    to: ['destination'],
    into: ['destination'],
    poss: ['agent'],
  },
  'life.die': { ...VIOLENT, obj: ['victim'], pass: ['victim'], of: ['victim'], poss: ['victim'] },
  'life.injure': { ...VIOLENT, obj: ['victim'], pass: ['victim'], of: ['victim'], poss: ['victim'] },
  'contact.statement': {
    ...PLACE_PREPS,
    subj: ['speaker'],
    by: ['speaker'],
    from: ['speaker'],
    poss: ['speaker'],
    obj: ['recipient'],
    to: ['recipient'],
    with: ['speaker'],
  },
  'contact.meet': {
    ...PLACE_PREPS,
    subj: ['participant'],
    obj: ['participant'],
    with: ['participant'],
    between: ['participant'],
    among: ['participant'],
    poss: ['participant'],
    of: ['participant'],
  },
  'contact.visit': {
    subj: ['participant'],
    obj: ['destination', 'participant'],
    to: ['destination'],
    in: ['destination'],
    from: ['participant'],
    of: ['participant'],
    by: ['participant'],
    poss: ['participant'],
  },
  'contact.request': {
    ...PLACE_PREPS,
    subj: ['speaker'],
    obj: ['recipient'],
    on: ['recipient'],
    upon: ['recipient'],
    to: ['recipient'],
    by: ['speaker'],
    poss: ['speaker'],
  },
  'contact.threaten': {
    ...PLACE_PREPS,
    subj: ['speaker'],
    obj: ['recipient'],
    against: ['recipient'],
    to: ['recipient'],
    by: ['speaker'],
    from: ['speaker'],
    poss: ['speaker'],
  },
  'contact.accuse': { subj: ['speaker'], obj: ['target'], against: ['target'], by: ['speaker'], poss: ['speaker'] },
  'government.agree': {
    ...PLACE_PREPS,
    subj: ['participant'],
    with: ['participant'],
    between: ['participant'],
    among: ['participant'],
    by: ['participant'],
    poss: ['participant'],
  },
  'government.cooperate': {
    ...PLACE_PREPS,
    subj: ['participant'],
    obj: ['artifact'],
    pass: ['artifact'],
    with: ['participant'],
    between: ['participant'],
    among: ['participant'],
    involving: ['participant'],
    by: ['participant'],
    of: ['artifact'],
    poss: ['participant'],
  },
  'government.aid': { subj: ['agent'], obj: ['artifact'], to: ['recipient'], from: ['agent'], poss: ['agent'] },
  'government.sanction': { subj: ['agent'], obj: ['target'], on: ['target'], against: ['target'], by: ['agent'] },
  'movement.transport': {
    subj: ['instrument', 'agent'],
    obj: ['instrument', 'artifact'],
    pass: ['artifact'],
    to: ['destination'],
    into: ['destination'],
    toward: ['destination'],
    towards: ['destination'],
    for: ['destination'],
    in: ['instrument'],
    at: ['destination'],
    from: ['origin'],
    by: ['instrument', 'agent'],
    aboard: ['instrument'],
    of: ['agent'],
    poss: ['agent'],
  },
  'movement.withdraw': { subj: ['agent'], of: ['agent'], poss: ['agent'], from: ['origin'] },
  'justice.arrest': {
    ...PLACE_PREPS,
    subj: ['agent'],
    by: ['agent'],
    obj: ['person'],
    pass: ['person'],
    of: ['person'],
    poss: ['person'],
    for: ['crime'],
  },
  'justice.charge': {
    ...PLACE_PREPS,
    subj: ['agent'],
    by: ['agent'],
    obj: ['person'],
    pass: ['person'],
    against: ['person'],
    with: ['crime'],
    poss: ['person'],
  },
  'justice.trial': { ...PLACE_PREPS, of: ['person'], poss: ['person'], pass: ['person'], for: ['crime'], subj: ['person'] },
  'justice.convict': { ...PLACE_PREPS, subj: ['authority'], by: ['authority'], obj: ['person'], pass: ['person'] },
  'justice.sentence': { ...PLACE_PREPS, subj: ['authority'], by: ['authority'], obj: ['person'], pass: ['person'] },
  'justice.release': { subj: ['agent'], by: ['agent'], obj: ['person'], pass: ['person'], of: ['person'], poss: ['person'] },
  'justice.investigate': { ...PLACE_PREPS, subj: ['agent'], by: ['agent'], poss: ['agent'], into: ['crime'] },
  'crime.generic': { ...PLACE_PREPS, subj: ['agent'], by: ['agent'], poss: ['agent'], against: ['victim'] },
  'artifact.damage': {
    ...VIOLENT,
    obj: ['artifact'],
    pass: ['artifact'],
    of: ['artifact'],
    to: ['artifact'],
    poss: ['agent'],
  },
  'personnel.start_position': { obj: ['person'], pass: ['person'], poss: ['person'], of: ['person'] },
  'personnel.end_position': { obj: ['person'], pass: ['person'], poss: ['person'], of: ['person'], from: ['organization'] },
  'disaster.outbreak': { ...PLACE_PREPS, of: ['artifact'] },
  'disaster.fire': { ...PLACE_PREPS },
  'disaster.crash': { ...PLACE_PREPS, subj: ['instrument', 'person'], of: ['instrument'] },
  'disaster.natural': { ...PLACE_PREPS },
  'transaction.transfer': {
    ...PLACE_PREPS,
    subj: ['agent'],
    obj: ['artifact'],
    pass: ['artifact'],
    to: ['recipient'],
    from: ['agent'],
  },
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
export function roleFor(type: string, variant: FrameVariant | undefined, slot: Slot, cls: PhraseClass): EventRole | undefined {
  if (cls === 'time') return undefined;
  if (variant === 'instrumentSubject' && slot === 'subj' && cls !== 'place') return 'instrument';
  if (variant === 'instrumentObject' && (slot === 'obj' || slot === 'pass') && cls !== 'place') return 'instrument';
  let roles = FRAMES[type]?.[slot];
  if (slot === 'subj' && variant === 'intransitive') roles = INTRANSITIVE[type];
  if (variant === 'acquire' && slot === 'subj') roles = ['recipient'];
  if (!roles || cls === 'time') return undefined;
  return roles.find((r) => ACCEPT[r].has(cls));
}

/** True when the type takes more than one filler of the role from a coordination ("X and Y met"). */
export function multiRole(role: EventRole): boolean {
  return role !== 'time' && role !== 'instrument' && role !== 'origin';
}
