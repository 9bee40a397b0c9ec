/**
 * Argument finding for one trigger inside its sentence: subject (or passive subject), object, possessor and
 * prepositional complements, each mapped to a role through the type's frame (frames.ts).
 */
import { multiRole, roleFor, type Slot } from './frames.ts';
import {
  classOf,
  coordinatedLeft,
  coordinatedRight,
  isVerbLike,
  type Phrase,
  phraseAt,
  phraseEndingAt,
} from './np.ts';
import type { SentenceView } from './sentence-view.ts';
import type { TriggerHit } from './triggers.ts';
import type { EventRole } from './types.ts';
import { ADVERBS, AUXILIARIES, BE_FORMS, CLAUSE_WORDS, isCapitalized, NEGATIONS, PREPOSITIONS } from './words.ts';

/** An argument found on sentence tokens. */
export interface RawArgument {
  role: EventRole;
  phrase: Phrase;
}

const NEVER_PASSIVE = new Set([
  'arrive',
  'travel',
  'walk',
  'flee',
  'escape',
  'return',
  'come',
  'go',
  'move',
  'head',
  'die',
  'explode',
  'collapse',
  'resign',
  'retire',
  'perish',
  'protest',
  'riot',
  'fly',
  'cross',
  'enter',
  'crash',
]);
const PRONOUNS_SET = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
const NEW_PHRASE = new Set(['the', 'a', 'an', 'this', 'these', 'he', 'she', 'they', 'it', 'we']);
const DETERMINERS_ONLY = new Set(['the', 'a', 'an']);
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'apart', 'aside']);
const RELATIVES = new Set(['who', 'that', 'which']);
const SUPPORT_WORDS = new Set(['support', 'help', 'assistance', 'backing', 'cooperation']);
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
const CLAUSE_END = new Set([';', ':', 'said', 'says', 'told', 'stated']);
const MAX_SCAN = 16;

const skippable = (w: string): boolean =>
  AUXILIARIES.has(w) || ADVERBS.has(w) || NEGATIONS.has(w) || (w.endsWith('ly') && w.length > 4);

/** Index of the first token of the clause that contains token j. */
function clauseStart(v: SentenceView, j: number): number {
  for (let k = j; k > 0; k--) {
    const w = v.lw[k - 1] ?? '';
    if (w === ';' || w === ':' || CLAUSE_WORDS.has(w) || w === 'said') return k;
  }
  return 0;
}

/** Subject of the verb at token i: the phrase before its auxiliaries, across appositions and relatives. */
export function subjectOf(v: SentenceView, i: number): Phrase | undefined {
  let j = i - 1;
  while (j >= 0 && skippable(v.lw[j] ?? '') && !v.mentionAt[j]) j--;
  // "the bombs began to explode": the subject of the aspectual verb.
  if (v.lw[j] === 'to' && ASPECTUAL.has(v.lw[j - 1] ?? '')) return subjectOf(v, j - 1);
  if (j < 0) return undefined;
  const w = v.lw[j] ?? '';
  if (RELATIVES.has(w)) {
    let k = j - 1;
    if (v.lw[k] === ',') k--;
    return phraseEndingAt(v, k);
  }
  if (w === ',' || w === '”' || w === '"' || w === ')' || w === 'and') {
    let start = clauseStart(v, j);
    if (RELATIVES.has(v.lw[start - 1] ?? '')) {
      const k = v.lw[start - 2] === ',' ? start - 3 : start - 2;
      return climbPrepositions(v, phraseEndingAt(v, k));
    }
    // Skip a leading adverbial ("In August 1999, an Islamic body declared ..., and called on ...").
    if (PREPOSITIONS.has(v.lw[start] ?? '')) {
      for (let k = start; k < j; k++) {
        if (v.lw[k] === ',') {
          start = k + 1;
          break;
        }
      }
    }
    const p = phraseAt(v, start);
    return p && p.b <= j && !isVerbLike(v, p.a) ? p : undefined;
  }
  return climbPrepositions(v, phraseEndingAt(v, j));
}

const ASPECTUAL = new Set([
  'began',
  'begin',
  'begins',
  'started',
  'start',
  'continued',
  'continue',
  'continues',
  'appeared',
  'seemed',
  'tried',
  'try',
  'attempted',
  'failed',
  'managed',
  'used',
  'wanted',
  'planned',
  'threatened',
]);
const ATTACHING = new Set(['of', 'in', 'from', 'at', 'for', 'on', 'with']);

/** "the leader of ISIS in Iraq was killed": the subject is the phrase before the prepositional chain. */
function climbPrepositions(v: SentenceView, p: Phrase | undefined): Phrase | undefined {
  let cur = p;
  for (let n = 0; cur && n < 3 && ATTACHING.has(v.lw[cur.a - 1] ?? ''); n++) {
    const before = phraseEndingAt(v, cur.a - 2);
    if (!before) break;
    cur = before;
  }
  return cur;
}

/** The speaker of the reporting verb at token r, including inverted order ("said the official"). */
export function speakerOf(v: SentenceView, r: number): Phrase | undefined {
  const prev = v.lw[r - 1] ?? '';
  if (prev === ',' || prev === '”' || prev === '"') {
    const after = phraseAt(v, r + 1);
    if (after && ['person', 'name'].includes(classOf(v, after))) return after;
  }
  const subj = subjectOf(v, r);
  return subj && ['person', 'name', 'other'].includes(classOf(v, subj)) ? subj : undefined;
}

function isPassiveAt(v: SentenceView, hit: TriggerHit): boolean {
  if (hit.form !== 'ed') return false;
  let j = hit.i - 1;
  while (j >= 0 && (ADVERBS.has(v.lw[j] ?? '') || NEGATIONS.has(v.lw[j] ?? ''))) j--;
  // "she was arrested and charged": the second participle shares the first one's auxiliary.
  for (let n = 0; n < 2 && (v.lw[j] === 'and' || v.lw[j] === 'or') && isVerbLike(v, j - 1); n++) {
    j -= 2;
    while (j >= 0 && ADVERBS.has(v.lw[j] ?? '')) j--;
  }
  if (BE_FORMS.has(v.lw[j] ?? '')) return true;
  const next = v.lw[hit.i + 1] ?? '';
  if (next === 'by') return true;
  // Reduced relative: "three people killed in the blast", "four men injured."
  if (NEVER_PASSIVE.has(hit.lemma) || j !== hit.i - 1 || isCapitalized(v.raw[j] ?? '') || v.mentionAt[j]) return false;
  const prevPhrase = phraseEndingAt(v, j);
  return (
    !!prevPhrase &&
    !AUXILIARIES.has(v.lw[j] ?? '') &&
    !PRONOUNS_SET.has(v.lw[j] ?? '') &&
    ['in', 'at', 'on', 'during', 'near', ',', '.', 'and', 'when', 'after', 'while'].includes(next)
  );
}

/** Collects arguments, at most one phrase per head token. */
class Collector {
  readonly out: RawArgument[] = [];
  private readonly heads = new Set<number>();
  private readonly v: SentenceView;
  private readonly hit: TriggerHit;
  constructor(v: SentenceView, hit: TriggerHit) {
    this.v = v;
    this.hit = hit;
  }

  add(slot: Slot, p: Phrase | undefined, coordinate: 'left' | 'right' | 'none' = 'none'): EventRole | undefined {
    if (!p || p.head === this.hit.i) return undefined;
    const role = roleFor(this.hit.sense.type, this.hit.sense.frame, slot, classOf(this.v, p));
    if (!role) return undefined;
    const all =
      coordinate === 'none' || !multiRole(role)
        ? [p]
        : coordinate === 'left'
          ? coordinatedLeft(this.v, p)
          : coordinatedRight(this.v, p);
    for (const q of all) {
      if (this.heads.has(q.head) || q.head === this.hit.i) continue;
      if (q !== p && roleFor(this.hit.sense.type, this.hit.sense.frame, slot, classOf(this.v, q)) !== role) continue;
      if (role === 'agent' && /^\d/.test(this.v.lw[q.head] ?? '')) continue;
      this.heads.add(q.head);
      this.out.push({ role, phrase: q });
    }
    return role;
  }
}

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
    const verb = ['shot', 'found', 'left', 'declared', 'pronounced', 'reported', 'confirmed', 'feared'].includes(
      v.lw[i - 1] ?? '',
    );
    const before = verb ? undefined : phraseEndingAt(v, i - 1);
    col.add('pass', before && !DETERMINERS_ONLY.has(v.lw[i - 1] ?? '') ? before : subjectOf(v, verb ? i - 1 : i), 'left');
  } else {
    const passive = isPassiveAt(v, hit);
    const subject = hit.sense.type === 'contact.statement' ? speakerOf(v, i) : subjectOf(v, i);
    col.add(passive ? 'pass' : 'subj', subject, 'left');
    while (PARTICLES.has(v.lw[k] ?? '') || (hit.lemma === 'swear' && v.lw[k] === 'in')) k++;
    if (!passive && !PREPOSITIONS.has(v.lw[k] ?? '')) {
      const obj = phraseAt(v, k);
      if (obj) {
        col.add('obj', obj, 'right');
        k = obj.b;
      }
    }
  }
  scanPrepositions(v, hit, col, k);
  scanLeftPlace(v, hit, col);
  return col.out;
}

function addPossessor(v: SentenceView, hit: TriggerHit, col: Collector): void {
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
function addLightVerbSubject(v: SentenceView, hit: TriggerHit, col: Collector): void {
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
function addEventSubjectObject(v: SentenceView, hit: TriggerHit, col: Collector): void {
  if (hit.sense.type !== 'conflict.attack' && hit.sense.type !== 'artifact.damage') return;
  let k = hit.i + 1;
  while (k < v.lw.length && (AUXILIARIES.has(v.lw[k] ?? '') || ADVERBS.has(v.lw[k] ?? ''))) k++;
  if (!AFFECT_VERBS.has(v.lw[k] ?? '')) return;
  k++;
  if (['at', 'through', 'into', 'on'].includes(v.lw[k] ?? '')) k++;
  col.add('obj', phraseAt(v, k), 'right');
}

/** A finite verb by its tag ("coincided" VBD), as opposed to a participle ("conducted by"). */
function isFinite(v: SentenceView, k: number): boolean {
  const tag = v.toks[k]?.pos;
  return tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';
}

/** Slot name of a preposition for this trigger ("died of X" is a cause, "arrived in X" a destination). */
function slotFor(hit: TriggerHit, prep: string): Slot {
  if (prep === 'of' && !hit.nominal) return 'of-cause';
  if (prep === 'in' && (hit.lemma === 'arrive' || hit.lemma === 'arrival' || hit.lemma === 'land')) return 'into';
  return prep;
}

function scanPrepositions(v: SentenceView, hit: TriggerHit, col: Collector, from: number): void {
  const end = Math.min(v.lw.length, hit.i + MAX_SCAN);
  for (let k = from; k < end; k++) {
    const w = v.lw[k] ?? '';
    if (CLAUSE_END.has(w) || (RELATIVES.has(w) && k > hit.i + 1)) break;
    if (isVerbLike(v, k) && (v.lw[k + 1] !== 'by' || isFinite(v, k))) break;
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
    const p = phraseAt(v, k + 1);
    if (p && p.b <= hit.i && (classOf(v, p) === 'place' || isCapitalized(v.raw[p.head] ?? ''))) {
      col.add(w === 'near' ? 'near' : 'at', p);
      return;
    }
  }
}
