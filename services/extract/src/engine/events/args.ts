/**
 * Argument finding for one trigger inside its sentence: subject (or passive subject), object, possessor and
 * prepositional complements, each mapped to a role through the type's frame (frames.ts).
 */

import { Collector, type RawArgument } from './collector.ts';
import type { Slot } from './frames.ts';
import { addEventSubjectObject, addLightVerbSubject, addPossessor } from './nominal-args.ts';
import { classOf, isVerbLike, phraseAt, phraseEndingAt } from './np.ts';
import { posAt, type SentenceView } from './sentence-view.ts';
import { clauseStart, isPassiveAt, RELATIVES, reportingCoordinate, speakerOf, subjectOf } from './subject.ts';
import type { TriggerHit } from './triggers.ts';
import { isCapitalized, PREPOSITIONS } from './words.ts';

export type { RawArgument } from './collector.ts';
export { speakerOf, subjectOf } from './subject.ts';

/** Verbs that only predicate an event noun ("the operation took place in ..."). */
const OCCUR = new Set(['took', 'take', 'takes', 'occurred', 'occurs', 'happened', 'happens', 'unfolded']);
/** Prepositions after a participle that still belong to the event ("conducted by", "executed via"). */
const AGENTIVE_PREPS = new Set(['by', 'via', 'with', 'using']);
const NEW_PHRASE = new Set(['the', 'a', 'an', 'this', 'these', 'he', 'she', 'they', 'it', 'we']);
const DETERMINERS_ONLY = new Set(['the', 'a', 'an']);
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'apart', 'aside', 'back']);
const SUPPORT_WORDS = new Set(['support', 'help', 'assistance', 'backing', 'cooperation']);
const CLAUSE_END = new Set([';', ':', 'said', 'says', 'told', 'stated']);
const MAX_SCAN = 16;
/** Statement verbs whose direct object is the addressee. */
const ADDRESSEE_OBJECT = new Set(['tell', 'ask']);
/** Types whose verbs are acts of communication: coordinated after "said", they share its speaker. */
const COMMUNICATION = new Set([
  'contact.statement',
  'contact.request',
  'contact.threaten',
  'contact.accuse',
  'government.agree',
]);

/** Arguments of one trigger within its sentence. */
export function findArguments(v: SentenceView, hit: TriggerHit): RawArgument[] {
  const col = new Collector(v, hit);
  const i = hit.i;
  let k = i + 1;
  if (hit.nominal) {
    addPossessor(v, hit, col);
    addLightVerbSubject(v, hit, col);
    addEventSubjectObject(v, hit, col);
  } else if (hit.sense.pos === 'a' && hit.sense.type !== 'life.die' && hit.sense.type !== 'justice.convict') {
    // Adjectival triggers such as "cooperative (efforts)" take only prepositional arguments.
  } else if (hit.sense.pos === 'a') {
    const verb = [
      'shot',
      'found',
      'left',
      'declared',
      'pronounced',
      'reported',
      'confirmed',
      'feared',
    ].includes(v.lw[i - 1] ?? '');
    const before = verb ? undefined : phraseEndingAt(v, i - 1);
    col.add(
      'pass',
      before && !DETERMINERS_ONLY.has(v.lw[i - 1] ?? '') ? before : subjectOf(v, verb ? i - 1 : i),
      'left',
    );
  } else {
    const passive = isPassiveAt(v, hit);
    const reported = !passive && COMMUNICATION.has(hit.sense.type) ? reportingCoordinate(v, i) : undefined;
    const subject =
      reported !== undefined
        ? speakerOf(v, reported)
        : hit.sense.type === 'contact.statement'
          ? speakerOf(v, i)
          : subjectOf(v, i);
    col.add(passive ? 'pass' : 'subj', subject, 'left');
    while (PARTICLES.has(v.lw[k] ?? '') || (hit.lemma === 'swear' && v.lw[k] === 'in')) k++;
    const intransitive = hit.sense.frame === 'intransitive' || hit.sense.frame === 'instrumentSubject';
    if (!passive && !intransitive && !PREPOSITIONS.has(v.lw[k] ?? '')) {
      const obj = phraseAt(v, k);
      // Of the statement verbs only "tell" and "ask" take the addressee as their object ("told reporters");
      // after the others the phrase is what was said ("confirmed the death") or the subject of it ("said the
      // border would stay closed"), never a recipient.
      const addressee = hit.sense.type !== 'contact.statement' || ADDRESSEE_OBJECT.has(hit.lemma);
      if (obj && addressee) col.add('obj', obj, 'right');
      if (obj) k = obj.b;
    }
  }
  scanPrepositions(v, hit, col, k);
  scanLeftPlace(v, hit, col);
  return col.out;
}

/** A finite verb by its tag ("coincided" VBD), as opposed to a participle ("conducted by"). */
function isFiniteVerb(v: SentenceView, k: number): boolean {
  const tag = posAt(v, k);
  return tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';
}

/** Slot name of a preposition for this trigger ("died of X" is a cause, "arrived in X" a destination). */
function slotFor(hit: TriggerHit, prep: string): Slot {
  if (prep === 'of' && !hit.nominal) return 'of-cause';
  if (prep === 'in' && (hit.lemma === 'arrive' || hit.lemma === 'arrival' || hit.lemma === 'land'))
    return 'into';
  return prep;
}

function scanPrepositions(v: SentenceView, hit: TriggerHit, col: Collector, from: number): void {
  const end = Math.min(v.lw.length, hit.i + MAX_SCAN);
  for (let k = from; k < end; k++) {
    const w = v.lw[k] ?? '';
    if (CLAUSE_END.has(w) || (RELATIVES.has(w) && k > hit.i + 1)) break;
    if (hit.nominal && OCCUR.has(w)) {
      if (v.lw[k + 1] === 'place') k++;
      continue;
    }
    if (isVerbLike(v, k) && (isFiniteVerb(v, k) || !AGENTIVE_PREPS.has(v.lw[k + 1] ?? ''))) break;
    if (w.endsWith('ing') && v.lw[k - 1] === ',') break;
    if (w === ',' && hit.nominal && NEW_PHRASE.has(v.lw[k + 1] ?? '')) break;
    if (w === 'with' && supportPhrase(v, hit, col, k)) continue;
    if (!PREPOSITIONS.has(w) || v.mentionAt[k]) continue;
    const p = phraseAt(v, k + 1);
    if (!p) continue;
    col.add(slotFor(hit, w), p, 'right');
    k = p.b - 1;
  }
}

/** "with U.S. support" / "with support from the coalition": the supporter is a co-agent of violent events. */
function supportPhrase(v: SentenceView, hit: TriggerHit, col: Collector, k: number): boolean {
  for (let s = k + 1; s < Math.min(v.lw.length, k + 5); s++) {
    if (!SUPPORT_WORDS.has(v.lw[s] ?? '')) continue;
    const after = v.lw[s + 1];
    const p = after === 'from' || after === 'of' ? phraseAt(v, s + 2) : phraseEndingAt(v, s - 1);
    if (p && p.head !== s) col.add('by', p, 'right');
    return hit.sense.type !== 'contact.statement';
  }
  return false;
}

function scanLeftPlace(v: SentenceView, hit: TriggerHit, col: Collector): void {
  if (col.out.some((a) => a.role === 'place')) return;
  const start = clauseStart(v, hit.i);
  for (let k = Math.max(start, hit.i - MAX_SCAN); k < hit.i - 1; k++) {
    const w = v.lw[k] ?? '';
    if (w !== 'in' && w !== 'at' && w !== 'near') continue;
    // Only a fronted adverbial ("In Kabul, ..."), not a modifier inside the subject ("the leader of ISIS in Iraq").
    if (k !== start && v.lw[k - 1] !== ',') continue;
    const p = phraseAt(v, k + 1);
    if (p && p.b <= hit.i && (classOf(v, p) === 'place' || isCapitalized(v.raw[p.head] ?? ''))) {
      col.add(w === 'near' ? 'near' : 'at', p);
      return;
    }
  }
}
