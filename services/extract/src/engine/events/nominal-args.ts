/**
 * Arguments of nominal triggers found outside their noun phrase: possessors ("Iraq's raid"), subjects of light
 * verbs ("X carried out an attack"), places of experience verbs ("Dagestan sees attacks") and objects of the
 * verb an event noun governs ("the explosion targeted a bakery").
 */

import type { Collector } from './collector.ts';
import { phraseAt, phraseEndingAt } from './np.ts';
import type { SentenceView } from './sentence-view.ts';
import { subjectOf } from './subject.ts';
import type { TriggerHit } from './triggers.ts';
import { ADVERBS, AUXILIARIES, PREPOSITIONS } from './words.ts';

const EXPERIENCE_VERBS = new Set([
  'seen',
  'sees',
  'saw',
  'witnessed',
  'witnesses',
  'experienced',
  'experiences',
  'suffered',
  'suffers',
  'endured',
  'sustained',
  'received',
]);
const SERIES = new Set(['series', 'wave', 'spate', 'string', 'number', 'campaign', 'serie']);
const LIGHT_VERBS = new Set([
  'carried',
  'carry',
  'carries',
  'carrying',
  'launched',
  'launch',
  'conducted',
  'staged',
  'mounted',
  'held',
  'hold',
  'holds',
  'made',
  'make',
  'paid',
  'pay',
  'led',
  'executed',
  'undertook',
  'began',
  'started',
  'perpetrated',
  'committed',
  'issued',
  'gave',
  'delivered',
]);

export function addPossessor(v: SentenceView, hit: TriggerHit, col: Collector): void {
  let j = hit.i - 1;
  while (j >= 0 && !v.mentionAt[j] && /^[a-z-]+$/.test(v.lw[j] ?? '') && j > hit.i - 3) {
    if (v.lw[j] === "'s" || v.lw[j] === "'") break;
    if (PREPOSITIONS.has(v.lw[j] ?? '') || AUXILIARIES.has(v.lw[j] ?? '')) return;
    j--;
  }
  if (v.lw[j] === "'s" || v.lw[j] === "'") col.add('poss', phraseEndingAt(v, j - 1));
  else if (v.mentionAt[j] && j === hit.i - 1) col.add('poss', phraseEndingAt(v, j));
}

/** "X carried out an attack", "X held talks", "X paid a visit": the light verb's subject. */
export function addLightVerbSubject(v: SentenceView, hit: TriggerHit, col: Collector): void {
  let j = hit.i - 1;
  while (j >= 0 && j > hit.i - 6 && !LIGHT_VERBS.has(v.lw[j] ?? '') && !EXPERIENCE_VERBS.has(v.lw[j] ?? '')) {
    const series = v.lw[j] === 'of' && SERIES.has(v.lw[j - 1] ?? '');
    if (PREPOSITIONS.has(v.lw[j] ?? '') && v.lw[j] !== 'out' && !series) return;
    j--;
  }
  if (j < 0) return;
  const verb = v.lw[j] ?? '';
  if (EXPERIENCE_VERBS.has(verb)) {
    // "Dagestan sees frequent attacks": the subject is where they happen; "13 people suffered injuries": the victim.
    const harmed = hit.sense.type === 'life.injure' || hit.sense.type === 'life.die';
    col.add(harmed ? 'pass' : 'at', subjectOf(v, j), harmed ? 'left' : 'none');
    return;
  }
  if (!LIGHT_VERBS.has(verb)) return;
  if (v.lw[j - 1] === 'was' || v.lw[j - 1] === 'were') return;
  col.add('subj', subjectOf(v, j), 'left');
}

const AFFECT_VERBS = new Set([
  'targeted',
  'targets',
  'hit',
  'hits',
  'struck',
  'strikes',
  'destroyed',
  'damaged',
  'shattered',
  'ripped',
  'tore',
  'rocked',
  'wrecked',
  'gutted',
  'levelled',
  'leveled',
]);

/** "The explosion targeted a bakery", "the blast ripped through the market": the verb's object is the target. */
export function addEventSubjectObject(v: SentenceView, hit: TriggerHit, col: Collector): void {
  if (hit.sense.type !== 'conflict.attack' && hit.sense.type !== 'artifact.damage') return;
  let k = hit.i + 1;
  while (k < v.lw.length && (AUXILIARIES.has(v.lw[k] ?? '') || ADVERBS.has(v.lw[k] ?? ''))) k++;
  if (!AFFECT_VERBS.has(v.lw[k] ?? '')) return;
  k++;
  if (['at', 'through', 'into', 'on'].includes(v.lw[k] ?? '')) k++;
  col.add('obj', phraseAt(v, k), 'right');
}
