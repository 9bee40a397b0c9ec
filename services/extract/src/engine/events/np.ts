/**
 * Noun-phrase finding on raw tokens (no parser): the phrase starting at a token (objects, prepositional
 * complements) or ending at one (subjects), coordination ("Syria, Iraq, Turkey, Jordan, and Lebanon"), and a
 * coarse semantic class of the phrase (person, place, weapon, vehicle, time, name, other).
 */
import { lemmaCandidates } from './lemma.ts';
import { sensesOf } from './lexicon.ts';
import { posAt, type SentenceView } from './sentence-view.ts';
import {
  ADVERBS,
  AUXILIARIES,
  CLAUSE_WORDS,
  CONJUNCTIONS,
  DETERMINERS,
  isCapitalized,
  isWord,
  NEGATIONS,
  NUMBER_WORDS,
  PERSON_NOUNS,
  PLACE_NOUNS,
  PREPOSITIONS,
  PRONOUNS,
  QUANTITY_HEADS,
  TIME_NOUNS,
  VEHICLE_NOUNS,
  WEAPON_NOUNS,
} from './words.ts';

/** A phrase on sentence tokens [a, b) with its head token. */
export interface Phrase {
  a: number;
  b: number;
  head: number;
  entityKey?: string;
}

export type PhraseClass = 'person' | 'place' | 'weapon' | 'vehicle' | 'time' | 'name' | 'event' | 'other';

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january february april june july august september october november december'.split(
    ' ',
  ),
);
const POSSESSIVE = new Set(["'s", "'"]);
const DASHES = new Set(['-', '–', '—', '--']);
const MAX_LEN = 8;
const REPORTING = new Set(['said', 'says', 'say', 'told', 'stated', 'added', 'announced', 'confirmed']);

/** A lower-case past-tense/participle-looking word outside any mention ("killed", "coincided"). */
export function isVerbLike(v: SentenceView, k: number): boolean {
  if (v.mentionAt[k]) return false;
  const tag = posAt(v, k);
  if (tag) return tag === 'VBD' || tag === 'VBN' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';
  const w = v.lw[k] ?? '';
  return (w.length > 4 && w.endsWith('ed') && !isCapitalized(v.raw[k] ?? '')) || COMMON_VERBS.has(w);
}

/** Frequent irregular finite verbs, for text without part-of-speech tags. */
const COMMON_VERBS = new Set(
  'took made came went gave got saw became began left led held told found kept met ran sent set remains remain arises takes makes comes goes gives'.split(
    ' ',
  ),
);

/** True when the token cannot be inside a noun phrase. */
function isStop(v: SentenceView, k: number): boolean {
  const w = v.lw[k] ?? '';
  if (!isWord(w)) return !(w === '-' || w === '&');
  if (v.mentionAt[k]) return false;
  return (
    PREPOSITIONS.has(w) ||
    CONJUNCTIONS.has(w) ||
    CLAUSE_WORDS.has(w) ||
    (AUXILIARIES.has(w) && !POSSESSIVE.has(w)) ||
    NEGATIONS.has(w) ||
    REPORTING.has(w) ||
    ADVERBS.has(w) ||
    (w.endsWith('ly') && w.length > 4 && !isCapitalized(v.raw[k] ?? ''))
  );
}

function withEntity(v: SentenceView, p: Phrase): Phrase {
  const m = v.mentionAt[p.head];
  if (!m) return p;
  const a = Math.min(p.a, m.a >= p.a ? p.a : m.a);
  return { a, b: Math.max(p.b, m.b), head: Math.max(p.head, m.b - 1), entityKey: m.key };
}

const QUANTIFIERS = [
  ['at', 'least'],
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['up', 'to'],
  ['as', 'many', 'as'],
];

/** Length of a leading quantifier ("at least", "more than") that is not part of the phrase's head. */
function quantifierLength(v: SentenceView, a: number): number {
  for (const q of QUANTIFIERS) if (q.every((w, k) => v.lw[a + k] === w)) return q.length;
  return 0;
}

/** The noun phrase starting at token k (after skipping a leading quote), or undefined. */
export function phraseAt(v: SentenceView, k: number): Phrase | undefined {
  const n = v.lw.length;
  let a = k;
  while (a < n && /^[“"‘']$/.test(v.raw[a] ?? '')) a++;
  a += quantifierLength(v, a);
  if (a >= n) return undefined;
  const first = v.lw[a] ?? '';
  if (PRONOUNS.has(first) && !v.mentionAt[a]) return withEntity(v, { a, b: a + 1, head: a });
  let j = a;
  let content = -1;
  while (j < n && j - a < MAX_LEN) {
    const m = v.mentionAt[j];
    if (m && m.a === j) {
      content = m.b - 1;
      j = m.b;
      continue;
    }
    const w = v.lw[j] ?? '';
    if (POSSESSIVE.has(w) && content >= 0) {
      j++;
      continue;
    }
    if (isStop(v, j) || (PRONOUNS.has(w) && !m)) break;
    if (content >= 0 && DETERMINERS.has(w)) break;
    if (content >= 0 && isVerbLike(v, j)) break;
    if (content >= 0 && CALENDAR.has(w)) break;
    if (!DETERMINERS.has(w) && !(NUMBER_WORDS.has(w) && content < 0) && !/^\d/.test(w)) content = j;
    else if (/^\d/.test(w) && content < 0 && !isWord(v.lw[j + 1] ?? '')) content = j;
    j++;
  }
  if (content < 0) return undefined;
  const head = content;
  if (QUANTITY_HEADS.has(v.lw[head] ?? '') && v.lw[head + 1] === 'of') {
    const inner = phraseAt(v, head + 2);
    if (inner) return inner;
  }
  return withEntity(v, { a, b: head + 1, head });
}

/** The noun phrase ending at token j, or undefined. */
export function phraseEndingAt(v: SentenceView, j: number): Phrase | undefined {
  if (j < 0) return undefined;
  const w = v.lw[j] ?? '';
  const m = v.mentionAt[j];
  // A dash ends no phrase. One that closes an aside ("Dr Greenspan - who became chairman in June 2004 - will
  // step down") is skipped with the aside; a single one ("the soaring euro -") is dropped.
  if (!m && DASHES.has(w)) {
    let open = j - 1;
    while (open >= 0 && !DASHES.has(v.lw[open] ?? '')) open--;
    return phraseEndingAt(v, (open >= 0 ? open : j) - 1);
  }
  if (PRONOUNS.has(w) && !m) return { a: j, b: j + 1, head: j };
  if (!m && isStop(v, j)) return undefined;
  let a = m ? m.a : j;
  while (a > 0 && j - a < MAX_LEN) {
    const k = a - 1;
    const pk = v.lw[k] ?? '';
    const mk = v.mentionAt[k];
    // A fronted time is not part of the subject ("Last week police arrested ...", "On Monday Prime Minister
    // ...", "Saturday's match"), unless a determiner makes it part of a name ("The Sunday Telegraph").
    const time = mk ? mk.kind === 'date' : CALENDAR.has(pk);
    if (time && !DETERMINERS.has(v.lw[(mk ? mk.a : k) - 1] ?? '')) break;
    if (mk) {
      a = mk.a;
      continue;
    }
    if (POSSESSIVE.has(pk)) {
      a = k;
      continue;
    }
    if (isStop(v, k) || PRONOUNS.has(pk)) break;
    if (isVerbLike(v, k) && !DETERMINERS.has(v.lw[k - 1] ?? '')) break;
    a = k;
    if (DETERMINERS.has(pk)) break;
  }
  while (a < j && POSSESSIVE.has(v.lw[a] ?? '')) a++; // the "'s" of a time left out above
  let head = m ? m.b - 1 : j;
  // "five more were wounded": the number is the head.
  if (
    !m &&
    (w === 'more' || w === 'others') &&
    head > a &&
    /^\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)$/.test(v.lw[head - 1] ?? '')
  )
    head--;
  return m ? { a, b: m.b, head, entityKey: m.key } : { a, b: j + 1, head };
}

/** A conjunct worth taking: a named or resolved phrase, or a person noun ("four men"). */
function coordinable(v: SentenceView, p: Phrase): boolean {
  return !!p.entityKey || isCapitalized(v.raw[p.head] ?? '') || PERSON_NOUNS.has(v.lw[p.head] ?? '');
}

/** Phrases coordinated with `first` to its right: ", Y, and Z" / "and Y". */
export function coordinatedRight(v: SentenceView, first: Phrase, max = 8): Phrase[] {
  const out = [first];
  let k = first.b;
  while (out.length < max) {
    let j = k;
    if (v.lw[j] === ',') j++;
    if (v.lw[j] === 'and' || v.lw[j] === 'or') j++;
    if (j === k) break;
    const next = phraseAt(v, j);
    if (!next || !coordinable(v, next)) break;
    out.push(next);
    k = next.b;
  }
  return out;
}

/** Phrases coordinated with `last` to its left: "X, Y and" + last. */
export function coordinatedLeft(v: SentenceView, last: Phrase, max = 8): Phrase[] {
  const out = [last];
  let k = last.a - 1;
  if (v.lw[k] !== 'and' && v.lw[k] !== 'or') return out;
  while (out.length < max && k > 0) {
    let j = k;
    if (v.lw[j] === 'and' || v.lw[j] === 'or') j--;
    if (v.lw[j] === ',') j--;
    if (j === k) break;
    const prev = phraseEndingAt(v, j);
    if (!prev || !coordinable(v, prev)) break;
    out.unshift(prev);
    k = prev.a - 1;
  }
  return out;
}

/** True for nouns that name an event of the taxonomy ("blast", "attacks", "killing"). */
function isEventNoun(w: string): boolean {
  if (WEAPON_NOUNS.has(w)) return false;
  for (const c of lemmaCandidates(w)) {
    if (c.form === 'ed' || c.form === 'ing') continue;
    if (sensesOf(c.lemma).some((s) => s.pos === 'n' && !s.rule)) return true;
  }
  return false;
}

/** Coarse semantic class of a phrase. */
export function classOf(v: SentenceView, p: Phrase): PhraseClass {
  const m = v.mentionAt[p.head];
  if (m?.kind) {
    if (m.kind === 'location') return 'place';
    if (m.kind === 'date') return 'time';
    if (m.kind === 'person' || m.kind === 'organization' || m.kind === 'nationality') return 'person';
  }
  const w = v.lw[p.head] ?? '';
  if (PERSON_NOUNS.has(w) || (PRONOUNS.has(w) && w !== 'it')) return 'person';
  if (!m && isEventNoun(w)) return 'event';
  if (WEAPON_NOUNS.has(w)) return 'weapon';
  if (VEHICLE_NOUNS.has(w)) return 'vehicle';
  if (PLACE_NOUNS.has(w)) return 'place';
  if (TIME_NOUNS.has(w) && !isCapitalized(v.raw[p.head] ?? '')) return 'time';
  if (/^(?:1[89]|20)\d\d$/.test(w) || TIME_NOUNS.has(w)) return 'time';
  if (isCapitalized(v.raw[p.head] ?? '') || m) return 'name';
  return 'other';
}
