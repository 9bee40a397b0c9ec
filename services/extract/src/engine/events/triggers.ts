/**
 * Trigger detection: every word is lemmatised, looked up in the lexicon, and its senses are filtered by a
 * part-of-speech guess (or the tagger's tag when present) and by the sense's context rule.
 */
import { type Form, IRREGULAR_FORMS, type LemmaCandidate, lemmaCandidates } from './lemma.ts';
import { mayBeTrigger, type Sense, sensesOf, type TriggerPos } from './lexicon.ts';
import { type RuleContext, ruleAccepts } from './rules.ts';
import { posAt, type SentenceView } from './sentence-view.ts';
import { DETERMINERS, isCapitalized, isWord } from './words.ts';

/** A detected trigger: one token of one sentence with its chosen sense. */
export interface TriggerHit {
  si: number;
  /** Token index inside the sentence. */
  i: number;
  lemma: string;
  form: Form;
  sense: Sense;
  /** Used as a noun (so noun frames apply: "the killing of X", "X's arrest"). */
  nominal: boolean;
  /** Token index after the trigger (i + 2 for a verb with its particle, "went off"). */
  end: number;
}

const MODALS_AND_TO = new Set([
  'to',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'should',
  'must',
  'did',
  'does',
  'do',
  'not',
  "n't",
  "'ll",
]);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'who', 'you']);
const VIOLENT = new Set(['conflict.attack', 'life.die', 'life.injure']);

function isNounContext(prev: string, next: string): boolean {
  return DETERMINERS.has(prev) || prev === "'s" || /^\d/.test(prev) || next === 'of';
}

function posAllowed(pos: TriggerPos, form: Form, prev: string, tag?: string): boolean {
  if (tag) {
    if (pos === 'n' && !(tag.startsWith('N') || tag === 'VBG' || tag === 'JJ')) return false;
    if (pos === 'v' && !(tag.startsWith('V') || tag === 'JJ' || (form === 'ing' && tag.startsWith('N'))))
      return false;
  }
  if (pos === 'n') {
    if (form === 'ed' || form === 'ing') return false;
    return (form === 's' && prev === 'to') || (!MODALS_AND_TO.has(prev) && !SUBJECT_PRONOUNS.has(prev));
  }
  if (pos === 'v' && (form === 'base' || form === 's')) return !isNounContext(prev, '');
  return true;
}

/**
 * A headline in title case ("Court Convicts Friend of Boston Bombing Suspect"): most words capitalised and no
 * final full stop, so capitals there do not mark names.
 */
export function isTitleCase(raw: readonly string[]): boolean {
  if (raw.length > 20 || BULLETS.has(raw[0] ?? '')) return false;
  let words = 0;
  let caps = 0;
  for (const w of raw) {
    if (!/^\p{L}{4,}/u.test(w)) continue;
    words++;
    if (isCapitalized(w)) caps++;
  }
  return words >= 3 && caps >= words * 0.8 && raw.at(-1) !== '.';
}

/** True when the token is part of a multi-word capitalised name ("Coordination Framework", "Truth Social"). */
function insideName(v: SentenceView, i: number, titleCase: boolean): boolean {
  const m = v.mentionAt[i];
  if (m && m.b - m.a > 1 && m.kind !== 'date') return true;
  if (titleCase || !isCapitalized(v.raw[i] ?? '') || i === 0) return false;
  return isCapitalized(v.raw[i - 1] ?? '') || isCapitalized(v.raw[i + 1] ?? '');
}

const BULLETS = new Set(['*', '•', '-', '–', '·']);

/**
 * A section heading ("== The attack ==", "## Arrests") or a bulleted title ("* 2007 Bagram Airfield bombing",
 * a "see also" list): it names events, it does not report one.
 */
export function isTitleLine(raw: readonly string[]): boolean {
  const first = raw[0] ?? '';
  if (first === '=' || /^#{1,6}$/.test(first)) return true;
  if (!BULLETS.has(first) || raw.length < 3) return false;
  for (let k = 1; k < raw.length - 1; k++) if (/^\p{Ll}/u.test(raw[k] ?? '')) return false;
  return true;
}

/** Find the triggers of every sentence, in document order. */
export function findTriggers(views: readonly SentenceView[]): TriggerHit[] {
  const hits: TriggerHit[] = [];
  let priorViolence = false;
  for (const v of views) {
    if (isTitleLine(v.raw)) continue;
    const titleCase = isTitleCase(v.raw);
    for (let i = 0; i < v.lw.length; i++) {
      const word = v.lw[i] as string;
      if (word.length < 3 || !isWord(word) || insideName(v, i, titleCase)) continue;
      // Second part of a hyphenated compound ("life-threatening", tokenised "life - threatening").
      if (v.lw[i - 1] === '-' && /^\p{Ll}/u.test(v.raw[i - 2] ?? '')) continue;
      const hit = senseAt(v, i, word, priorViolence);
      if (!hit) continue;
      hits.push(hit);
      if (VIOLENT.has(hit.sense.type)) priorViolence = true;
    }
  }
  return hits;
}

/**
 * Lemma candidates of a word that have trigger senses. Memoised: the answer depends only on the word, so
 * the cache changes speed, never output; it is bounded so a long-running process cannot grow it without limit.
 */
const candidateCache = new Map<string, LemmaCandidate[]>();
const IRREGULAR = new Set(IRREGULAR_FORMS);
const NONE: LemmaCandidate[] = [];
function triggerCandidates(word: string): LemmaCandidate[] {
  if (!mayBeTrigger(word, IRREGULAR)) return NONE;
  let c = candidateCache.get(word);
  if (!c) {
    c = lemmaCandidates(word).filter((x) => sensesOf(x.lemma).length > 0);
    if (candidateCache.size > 100_000) candidateCache.clear();
    candidateCache.set(word, c);
  }
  return c;
}

function senseAt(v: SentenceView, i: number, word: string, priorViolence: boolean): TriggerHit | undefined {
  const prev = v.lw[i - 1] ?? '';
  const next = v.lw[i + 1] ?? '';
  const candidates = triggerCandidates(word);
  if (candidates.length === 0) return undefined;
  const tag = posAt(v, i);
  for (const cand of candidates) {
    const senses = sensesOf(cand.lemma);
    const ctx: RuleContext = { lw: v.lw, raw: v.raw, i, form: cand.form, lemma: cand.lemma, priorViolence };
    for (const sense of senses) {
      if (!posAllowed(sense.pos, cand.form, prev, tag)) continue;
      // "..., killing three people": an -ing noun outside a noun context is the verb's participle.
      if (
        sense.pos === 'n' &&
        cand.lemma.endsWith('ing') &&
        !isNounContext(prev, next) &&
        !tag?.startsWith('N')
      )
        continue;
      if (sense.particle && next !== sense.particle) continue;
      if (!ruleAccepts(sense.rule, ctx)) continue;
      const nominal =
        sense.pos === 'n' || (sense.pos === 'v' && cand.form === 'ing' && isNounContext(prev, next));
      const end = sense.particle ? i + 2 : i + 1;
      return { si: v.si, i, lemma: cand.lemma, form: cand.form, sense, nominal, end };
    }
  }
  return undefined;
}
