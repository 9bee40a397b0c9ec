import { classOf, isVerbLike, type Phrase, phraseAt, phraseEndingAt } from './np.ts';
import type { SentenceView } from './sentence-view.ts';
import type { TriggerHit } from './triggers.ts';
import {
  ADVERBS,
  AUXILIARIES,
  BE_FORMS,
  CLAUSE_WORDS,
  isCapitalized,
  NEGATIONS,
  PREPOSITIONS,
} from './words.ts';

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
export const RELATIVES = new Set(['who', 'that', 'which']);

const skippable = (w: string): boolean =>
  AUXILIARIES.has(w) || ADVERBS.has(w) || NEGATIONS.has(w) || (w.endsWith('ly') && w.length > 4);

/** Index of the first token of the clause that contains token j. */
export function clauseStart(v: SentenceView, j: number): number {
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
    // And a leading sentence adverb ("Meanwhile, Tim Osborne, head of ..., said").
    while (ADVERBS.has(v.lw[start] ?? '') && start < j) start += v.lw[start + 1] === ',' ? 2 : 1;
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

const REPORTING_FORMS = new Set(['said', 'says', 'say', 'told', 'tells']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);

/**
 * The reporting verb an active verb at token i is coordinated with ("Eurotunnel said the market is improving,
 * but warned ...", "Analysts said it was difficult ... and warned"), so that a verb of communication shares its
 * speaker instead of taking the reported clause's subject or none. Undefined when no "but" or "and" stands
 * before the verb or no "said", "says" or "told" before that in the same clause chain.
 */
export function reportingCoordinate(v: SentenceView, i: number): number | undefined {
  let j = i - 1;
  // Adverbs only: with an auxiliary of its own the verb parallels the reported clause ("He said they had seen the
  // scripts and had agreed to appear").
  while (j >= 0 && (ADVERBS.has(v.lw[j] ?? '') || NEGATIONS.has(v.lw[j] ?? ''))) j--;
  if (v.lw[j] !== 'but' && v.lw[j] !== 'and') return undefined;
  for (let k = j - 1; k >= 0; k--) {
    const w = v.lw[k] ?? '';
    if (w === ';' || w === ':') return undefined;
    if (REPORTING_FORMS.has(w)) return k;
  }
  return undefined;
}

/** The speaker of the reporting verb at token r, including inverted order ("said the official"). */
export function speakerOf(v: SentenceView, r: number): Phrase | undefined {
  const prev = v.lw[r - 1] ?? '';
  if (prev === ',' || prev === '”' || prev === '"') {
    // Inverted speaker ("…,” said the minister), unless a verb follows: in "X, a former ombudsman, said she
    // feared …" the pronoun is the subject of what was said, and the speaker stands before the verb.
    const after = phraseAt(v, r + 1);
    // An object pronoun is the addressee of a verb like "told", never an inverted speaker (", told him ...").
    const objectPronoun = after && after.b - after.a === 1 && OBJECT_PRONOUNS.has(v.lw[after.a] ?? '');
    if (after && !objectPronoun && ['person', 'name'].includes(classOf(v, after)) && !isVerbLike(v, after.b))
      return after;
  }
  const subj = subjectOf(v, r);
  return subj && ['person', 'name', 'other'].includes(classOf(v, subj)) ? subj : undefined;
}

export function isPassiveAt(v: SentenceView, hit: TriggerHit): boolean {
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
  if (NEVER_PASSIVE.has(hit.lemma) || j !== hit.i - 1 || isCapitalized(v.raw[j] ?? '') || v.mentionAt[j])
    return false;
  const prevPhrase = phraseEndingAt(v, j);
  return (
    !!prevPhrase &&
    !AUXILIARIES.has(v.lw[j] ?? '') &&
    !PRONOUNS_SET.has(v.lw[j] ?? '') &&
    ['in', 'at', 'on', 'during', 'near', ',', '.', 'and', 'when', 'after', 'while'].includes(next)
  );
}
