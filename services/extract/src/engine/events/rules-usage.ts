/**
 * Context rules about how a trigger word is used rather than which sense it has: evidential "is reported to",
 * information sources as subjects ("the investigation revealed"), metaphorical attacks on abstract targets
 * ("to attack the virus"), crime names inside charges ("charged with murder"), and sense choice by the class
 * of the participants ("protesters clash with police", "a suicide bomber crashed into a patrol").
 */
import {
  at,
  isPassive,
  nextWord,
  objectHead,
  prevWord,
  type Rule,
  type RuleContext,
  s,
  subjectOffset,
  windowHas,
} from './rule-helpers.ts';
import { ADVERBS, AUXILIARIES, CLAUSE_WORDS, DETERMINERS, PREPOSITIONS, PRONOUNS } from './words.ts';

const EXPLOSIVES = s(
  'bomb bombs device devices ied ieds explosive explosives grenade grenades mine mines car-bomb',
);
const QUESTION_END = s('?');
const ORDINALS = s('first second third last latest only earliest previous');
/** Information sources: they show or contain a fact, they do not communicate it. */
const INFO_SOURCES = s(
  'investigation investigations inquiry probe probes report reports record records document documents ' +
    'evidence video videos footage photo photos images data test tests results findings analysis study ' +
    'studies survey autopsy files logs',
);
/** Objects that make "attack", "fight" or "battle" metaphorical. */
const ABSTRACT_TARGETS = s(
  'virus viruses disease diseases illness epidemic pandemic outbreak infection cancer poverty inflation ' +
    'unemployment corruption crime problem problems issue issues deficit climate hunger addiction ' +
    'extremism misinformation disinformation injury injuries',
);
/** What politicians attack with words: an attack on them is criticism ("attacked the Tory plans"). */
const CRITICISED = s(
  'plan plans policy policies proposal proposals record decision decisions idea ideas remark remarks comment ' +
    'comments claim claims stance approach bill bills budget handling response speech strategy manifesto ' +
    'reform reforms scheme schemes pledge pledges views performance leadership tax taxes spending cuts',
);
/** Words that introduce the crimes a person is charged with, convicted of or accused of. */
const CHARGE_CUES = s(
  'charged charge charges count counts crimes crime convicted guilty accused indicted suspicion prosecuted',
);
/** Tokens that may sit inside a list of crime names ("treason, terrorism, association to commit a crime and"). */
const CRIME_LIST = s(', and or of to a an the commit committing attempted first-degree second-degree');
const DEMONSTRATORS = s(
  'protesters protestors demonstrators rioters marchers students activists strikers supporters opponents crowds',
);
const ATTACKERS = s(
  'bomber bombers attacker attackers gunman gunmen assailant assailants militant militants',
);

/**
 * A noun phrase starting at token `k` whose head is a word of CRITICISED, within five tokens and before anything
 * that ends a noun phrase (a preposition, an auxiliary, an adverb, a clause word, punctuation).
 */
function criticisedPhraseAt(c: RuleContext, k: number): boolean {
  for (const end = Math.min(k + 5, c.lw.length); k < end; k++) {
    const w = c.lw[k] ?? '';
    if (CRITICISED.has(w)) return true;
    if (w === "'s" || w === '’s') continue; // a possessive inside the phrase ("Labour's record")
    if (
      !/^[\p{L}\d'’]/u.test(w) ||
      PREPOSITIONS.has(w) ||
      AUXILIARIES.has(w) ||
      ADVERBS.has(w) ||
      CLAUSE_WORDS.has(w)
    )
      return false;
  }
  return false;
}

/** The first content word before the trigger, skipping auxiliaries and adverbs ("investigations have revealed"). */
const subjectWord = (c: RuleContext): string => at(c, subjectOffset(c));

/** Only the speaker (capitalised words, a title) follows the verb up to the end of the sentence. */
export function quoteTag(c: RuleContext): boolean {
  for (let k = c.i + 1; k < c.lw.length; k++) {
    const w = c.raw[k] ?? '';
    if (w === '.' || w === ',') return k === c.lw.length - 1 || w === ',';
    if (
      !/^\p{Lu}/u.test(w) &&
      !['prosecutor', 'lawyer', 'attorney', 'judge', 'minister', 'spokesman'].includes(c.lw[k] ?? '')
    )
      return false;
  }
  return true;
}

export const USAGE_RULES: Record<string, Rule> = {
  // "is reported to have", "are said to be" (an evidential hedge) and "the first reported death" (an
  // attributive participle) name no act of communication.
  notEvidential: (c) => {
    if (isPassive(c) && nextWord(c) === 'to') return false;
    const attributive =
      c.form === 'ed' &&
      (DETERMINERS.has(prevWord(c)) || ORDINALS.has(prevWord(c))) &&
      /^\p{Ll}/u.test(c.raw[c.i + 1] ?? '') &&
      !PREPOSITIONS.has(nextWord(c));
    return !attributive;
  },
  reportVerb: (c) => !DETERMINERS.has(prevWord(c)) && (USAGE_RULES.notEvidential?.(c) ?? true),
  communicatorSubject: (c) => !INFO_SOURCES.has(subjectWord(c)) && (USAGE_RULES.notEvidential?.(c) ?? true),
  // Attacking a plan, a policy or a record is criticism ("attacked the Tory plans", "attacked Labour's six new
  // pledges"), and so is attacking someone "for" doing something ("attacked Mr Brown for failing to ...").
  // A passive "was attacked for being ..." may be violence, so only the active counts there.
  verbalAttack: (c) => {
    if (criticisedPhraseAt(c, c.i + 1)) return true;
    if (isPassive(c)) return false;
    for (let k = 2; k <= 8; k++) if (at(c, k) === 'for' && /ing$/.test(at(c, k + 1))) return true;
    return false;
  },
  // The noun: "an attack on Labour's record", "launched an attack on Conservative spending plans".
  verbalAttackNoun: (c) => ['on', 'against'].includes(nextWord(c)) && criticisedPhraseAt(c, c.i + 2),
  notAbstractTarget: (c) => {
    const o = objectHead(c);
    // The object's head may be the word after a modifier ("battling a back problem", "a knee injury").
    return (
      !ABSTRACT_TARGETS.has(o.word) &&
      !ABSTRACT_TARGETS.has(c.lw[o.k + 1] ?? '') &&
      !(prevWord(c) === 'to' && ABSTRACT_TARGETS.has(at(c, -2)))
    );
  },
  crimeLabel: (c) => {
    for (let k = -1; k >= -12; k--) {
      const w = at(c, k);
      if (CHARGE_CUES.has(w) && ['with', 'of', 'for'].includes(at(c, k + 1))) return true;
      if (w === 'with' || w === 'of' || w === 'for') continue;
      if (!CRIME_LIST.has(w) && !/^\p{Ll}[\p{Ll}-]*$/u.test(c.raw[c.i + k] ?? '')) return false;
      if (AUXILIARIES.has(w) || CLAUSE_WORDS.has(w) || PRONOUNS.has(w) || w === '') return false;
    }
    return false;
  },
  // A question: after "?" in the sentence, before "whether/why/...", or as a closing tag with nothing but the
  // (inverted) speaker after it ("... Mendeloff asked.", "... asked prosecutor Scott Mendeloff.").
  askQuestion: (c) =>
    windowHas(c, QUESTION_END, -3, -1) ||
    ['whether', 'if', 'why', 'how', 'what', 'who', 'when', 'where'].includes(nextWord(c)) ||
    quoteTag(c),
  // "a bomb went off", "some 21 bombs had gone off" (not "the alarm went off").
  explosiveSubject: (c) => windowHas(c, EXPLOSIVES, -6, -1),
  notCategoryOf: (c) => nextWord(c) !== 'of',
  demonstratorSubject: (c) => {
    for (let k = -4; k <= 4; k++) if (k !== 0 && DEMONSTRATORS.has(at(c, k))) return true;
    return false;
  },
  attackerSubject: (c) => {
    if (!['into', 'through'].includes(nextWord(c))) return false;
    for (let k = -10; k < 0; k++) if (ATTACKERS.has(at(c, k))) return true;
    return false;
  },
};
