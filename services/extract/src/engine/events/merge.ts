/**
 * In-document event linking. `shareAcrossTypes` lets an attack and the deaths/injuries it caused in the same
 * sentence share place, time, agent and instrument. `mergeEvents` folds mentions of one real-world event into
 * one event: same type and same main participant, the same sentence, or a definite anaphor ("the operation").
 */
import type { EventArgument, EventRole, ExtractedEvent } from './types.ts';

const CAUSED = new Set(['life.die', 'life.injure']);
const SHARED: readonly EventRole[] = ['place', 'time', 'agent', 'instrument'];
const ANCHOR: Record<string, EventRole[]> = {
  'life.die': ['victim'],
  'life.injure': ['victim'],
  'conflict.attack': ['target', 'victim'],
  'conflict.abduct': ['victim'],
  'justice.arrest': ['person'],
  'justice.charge': ['person'],
  'justice.trial': ['person'],
  'justice.convict': ['person'],
  'justice.sentence': ['person'],
  'justice.release': ['person'],
  'contact.visit': ['participant'],
  'contact.statement': ['speaker'],
  'movement.withdraw': ['agent'],
  'personnel.end_position': ['person'],
  'personnel.start_position': ['person'],
};
const ANAPHOR_RE = /\b(?:the|this|that|his|her|its|their)\s+(?:[\w-]+\s+)?$/i;
const MAX_ANAPHOR_DISTANCE = 8;

function hasRole(e: ExtractedEvent, role: EventRole): boolean {
  return e.arguments.some((a) => a.role === role);
}

function copyArg(to: ExtractedEvent, a: EventArgument): void {
  // An attack is not its own instrument ("killed in an airstrike" shares the airstrike with the attack).
  if (a.start <= to.trigger.start && to.trigger.end <= a.end) return;
  to.arguments.push({ ...a });
  if (a.role === 'place' && !to.place)
    to.place = a.entityKey ? { ...span(a), entityKey: a.entityKey } : span(a);
}

function span(a: EventArgument): { text: string; start: number; end: number } {
  return { text: a.text, start: a.start, end: a.end };
}

/** Sentences each (merged) event was mentioned in; events not in the map were mentioned once. */
type SentenceIndex = WeakMap<ExtractedEvent, Set<number>>;

function sentencesOf(e: ExtractedEvent, index?: SentenceIndex): Set<number> {
  return index?.get(e) ?? new Set([e.evidence.sentence]);
}

function shareSentence(a: ExtractedEvent, b: ExtractedEvent, index?: SentenceIndex): boolean {
  const sb = sentencesOf(b, index);
  for (const s of sentencesOf(a, index)) if (sb.has(s)) return true;
  return false;
}

/** Attacks and the deaths/injuries in the same sentence share missing place, time, agent and instrument. */
export function shareAcrossTypes(events: ExtractedEvent[], index?: SentenceIndex): void {
  for (const e of events) {
    if (!CAUSED.has(e.type)) continue;
    for (const atk of events) {
      if (atk.type !== 'conflict.attack' || !shareSentence(atk, e, index)) continue;
      for (const role of SHARED) {
        const [from, to] = hasRole(e, role) ? [e, atk] : [atk, e];
        if (hasRole(to, role)) continue;
        for (const a of from.arguments) if (a.role === role) copyArg(to, a);
        if (role === 'time' && from.time && !to.time) to.time = { ...from.time };
      }
    }
  }
}

function anchors(e: ExtractedEvent): Set<string> {
  const roles = ANCHOR[e.type] ?? [];
  return new Set(
    e.arguments.filter((a) => roles.includes(a.role) && a.entityKey).map((a) => a.entityKey as string),
  );
}

/** Nouns that refer back to any event of their type ("the operation", "the incident"). */
const GENERIC = new Set([
  'operation',
  'attack',
  'attacks',
  'incident',
  'strike',
  'assault',
  'raid',
  'death',
  'killing',
]);

/** A definite or possessive nominal mention that refers back to `c` ("the operation", "his death"). */
function isAnaphorOf(e: ExtractedEvent, c: ExtractedEvent): boolean {
  if (!ANAPHOR_RE.test(e.evidence.text.slice(0, e.trigger.start - e.evidence.start))) return false;
  const t = e.trigger.text.toLowerCase();
  return GENERIC.has(t) || t === c.trigger.text.toLowerCase();
}

/** Same type and modality class; places must agree unless `e` is an anaphor (places may nest: Anbar, Iraq). */
function compatible(a: ExtractedEvent, b: ExtractedEvent, anaphor = false): boolean {
  if (a.type !== b.type) return false;
  if (!anaphor && a.place?.entityKey && b.place?.entityKey && a.place.entityKey !== b.place.entityKey)
    return false;
  const planned = (e: ExtractedEvent) => e.modality === 'planned' || e.modality === 'negated';
  return planned(a) === planned(b);
}

function sameEvent(c: ExtractedEvent, e: ExtractedEvent): boolean {
  const anaphor = isAnaphorOf(e, c) && e.evidence.sentence - c.evidence.sentence <= MAX_ANAPHOR_DISTANCE;
  if (!compatible(c, e, anaphor)) return false;
  const ca = anchors(c);
  const ea = anchors(e);
  for (const k of ea) if (ca.has(k)) return true;
  if (ca.size > 0 && ea.size > 0) return false;
  if (e.type !== 'contact.statement' && c.evidence.sentence === e.evidence.sentence) return true;
  return anaphor;
}

/** True when the mention's trigger is inside a direct quotation ("stating: “Today ... was killed”"). */
function isQuoted(e: ExtractedEvent): boolean {
  const before = e.evidence.text.slice(0, Math.max(0, e.trigger.start - e.evidence.start));
  const count = (re: RegExp): number => before.match(re)?.length ?? 0;
  return count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}

/** Details of a merged event that came from a mention inside a direct quotation. */
interface QuotedDetails {
  time: WeakSet<ExtractedEvent>;
  source: WeakSet<ExtractedEvent>;
}

/**
 * Fold `e` into `c`. A time or source `c` took from quoted speech ("Today" is the speaker's today) gives way
 * to one a narrative mention states.
 */
function absorb(c: ExtractedEvent, e: ExtractedEvent, quoted: QuotedDetails): void {
  const eQuoted = isQuoted(e);
  if (c.time && e.time && quoted.time.has(c) && !eQuoted) {
    c.arguments = c.arguments.filter((a) => a.role !== 'time');
    delete c.time;
    quoted.time.delete(c);
  }
  if (c.source && e.source && quoted.source.has(c) && !eQuoted) {
    delete c.source;
    quoted.source.delete(c);
  }
  if (!c.time && e.time && eQuoted) quoted.time.add(c);
  if (!c.source && e.source && eQuoted) quoted.source.add(c);
  const seen = new Set(c.arguments.map((a) => `${a.role}|${a.entityKey ?? a.text.toLowerCase()}`));
  for (const a of e.arguments) {
    const key = `${a.role}|${a.entityKey ?? a.text.toLowerCase()}`;
    if (seen.has(key) || (a.role === 'place' && c.place) || (a.role === 'time' && c.time)) continue;
    seen.add(key);
    copyArg(c, a);
  }
  if (!c.time && e.time) c.time = { ...e.time };
  if (!c.source && e.source) c.source = { ...e.source };
  if (e.modality === 'asserted') c.modality = 'asserted';
  c.confidence = Math.min(0.98, Math.round((Math.max(c.confidence, e.confidence) + 0.03) * 100) / 100);
}

/** Fold coreferent event mentions; the earliest mention keeps its trigger and evidence. */
export function mergeEvents(events: readonly ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  const index: SentenceIndex = new WeakMap();
  const quoted: QuotedDetails = { time: new WeakSet(), source: new WeakSet() };
  for (const e of events) {
    let target: ExtractedEvent | undefined;
    for (let k = out.length - 1; k >= 0 && !target; k--) {
      const c = out[k] as ExtractedEvent;
      if (sameEvent(c, e)) target = c;
    }
    if (target) {
      absorb(target, e, quoted);
      index.get(target)?.add(e.evidence.sentence);
    } else {
      const copy = { ...e, arguments: e.arguments.map((a) => ({ ...a })) };
      index.set(copy, new Set([e.evidence.sentence]));
      if (isQuoted(e) && copy.time) quoted.time.add(copy);
      if (isQuoted(e) && copy.source) quoted.source.add(copy);
      out.push(copy);
    }
  }
  // A merged death or injury may now share a sentence with an attack it did not see before.
  shareAcrossTypes(out, index);
  return out;
}
