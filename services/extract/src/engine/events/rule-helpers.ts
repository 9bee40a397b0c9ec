/**
 * What a context rule sees, and the small token helpers the rule files share.
 */
import type { Form } from './lemma.ts';
import {
  ADVERBS,
  AUXILIARIES,
  BE_FORMS,
  DETERMINERS,
  isCapitalized,
  NUMBER_WORDS,
  PERSON_NOUNS,
  PLACE_NOUNS,
  PRONOUNS,
} from './words.ts';

/** What a rule sees: the sentence's tokens and the candidate trigger. */
export interface RuleContext {
  /** Lower-cased token texts of the sentence. */
  lw: readonly string[];
  /** Original token texts. */
  raw: readonly string[];
  i: number;
  form: Form;
  lemma: string;
  /** An attack, killing or injury was already found earlier in the document. */
  priorViolence: boolean;
}

export type Rule = (c: RuleContext) => boolean;

export const s = (x: string): ReadonlySet<string> => new Set(x.split(' '));
export const at = (c: RuleContext, k: number): string => c.lw[c.i + k] ?? '';
export const prevWord = (c: RuleContext): string => at(c, -1);
export const nextWord = (c: RuleContext): string => at(c, 1);

export function windowHas(c: RuleContext, words: ReadonlySet<string>, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (k !== 0 && words.has(at(c, k))) return true;
  return false;
}

/** Head of the noun phrase right after the trigger (skips determiners, numbers and a few adjectives). */
export function objectHead(c: RuleContext): { word: string; raw: string; k: number } {
  let k = c.i + 1;
  const stop = Math.min(c.lw.length, c.i + 6);
  while (
    k < stop &&
    (DETERMINERS.has(c.lw[k] ?? '') || NUMBER_WORDS.has(c.lw[k] ?? '') || /^\d/.test(c.lw[k] ?? ''))
  ) {
    k++;
    if (c.lw[k] === 'of') k++;
  }
  return { word: c.lw[k] ?? '', raw: c.raw[k] ?? '', k };
}

/**
 * Offset (negative) of the first content word before the trigger, skipping auxiliaries, adverbs and an
 * infinitive's "to": the end of the subject in "investigations have revealed", "he was later released", "for
 * Ferguson to be released". -1 when there is none within four.
 */
export function subjectOffset(c: RuleContext): number {
  for (let k = -1; k >= -4; k--) {
    const w = at(c, k);
    if (!AUXILIARIES.has(w) && !ADVERBS.has(w) && w !== 'to') return k;
  }
  return -1;
}

export const isPassive = (c: RuleContext): boolean =>
  c.form === 'ed' && (BE_FORMS.has(prevWord(c)) || BE_FORMS.has(at(c, -2)));

export function personLike(word: string, raw: string): boolean {
  return PERSON_NOUNS.has(word) || PRONOUNS.has(word) || (isCapitalized(raw) && !PLACE_NOUNS.has(word));
}
