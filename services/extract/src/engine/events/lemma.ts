/**
 * A small English lemmatiser for trigger lookup: an irregular-form table plus suffix rules that propose
 * candidate lemmas ("injuries" -> injury, "stabbed" -> stab, "arrived" -> arrive). The caller picks the first
 * candidate its lexicon knows, so over-generation is harmless.
 */

/** Morphological form of a surface word relative to its lemma. */
export type Form = 'base' | 's' | 'ed' | 'ing';

export interface LemmaCandidate {
  lemma: string;
  form: Form;
}

// Irregular verb forms: surface -> lemma, with 'ed' meaning past tense or participle.
const IRREGULAR: Record<string, string> = {
  said: 'say',
  says: 'say',
  told: 'tell',
  met: 'meet',
  shot: 'shoot',
  fought: 'fight',
  flew: 'fly',
  flown: 'fly',
  flies: 'fly',
  drove: 'drive',
  driven: 'drive',
  went: 'go',
  gone: 'go',
  came: 'come',
  left: 'leave',
  sold: 'sell',
  bought: 'buy',
  struck: 'strike',
  stricken: 'strike',
  held: 'hold',
  blew: 'blow',
  blown: 'blow',
  beat: 'beat',
  beaten: 'beat',
  sent: 'send',
  brought: 'bring',
  took: 'take',
  taken: 'take',
  fled: 'flee',
  spoke: 'speak',
  spoken: 'speak',
  wrote: 'write',
  written: 'write',
  stole: 'steal',
  stolen: 'steal',
  threw: 'throw',
  thrown: 'throw',
  ran: 'run',
  led: 'lead',
  slew: 'slay',
  slain: 'slay',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  sought: 'seek',
  caught: 'catch',
  found: 'find',
  rode: 'ride',
  ridden: 'ride',
  hid: 'hide',
  hidden: 'hide',
  broke: 'break',
  broken: 'break',
  swore: 'swear',
  sworn: 'swear',
  overthrew: 'overthrow',
  overthrown: 'overthrow',
  overran: 'overrun',
  undertook: 'undertake',
  undertaken: 'undertake',
  arose: 'arise',
  arisen: 'arise',
  forbade: 'forbid',
  forbidden: 'forbid',
  bore: 'bear',
  borne: 'bear',
  began: 'begin',
  begun: 'begin',
  gave: 'give',
  given: 'give',
  made: 'make',
  paid: 'pay',
  kept: 'keep',
  hung: 'hang',
  hanged: 'hang',
  rang: 'ring',
  saw: 'see',
  seen: 'see',
  knew: 'know',
  known: 'know',
  dealt: 'deal',
  felt: 'feel',
  lost: 'lose',
  won: 'win',
  fell: 'fall',
  fallen: 'fall',
  heard: 'hear',
  bled: 'bleed',
  fed: 'feed',
  fired: 'fire',
  died: 'die',
  dies: 'die',
  dying: 'die',
  lying: 'lie',
  tied: 'tie',
};

const SAME_FORMS = new Set([
  'hit',
  'set',
  'put',
  'cut',
  'hurt',
  'beat',
  'cast',
  'spread',
  'quit',
  'shut',
  'bid',
]);

/** Surface forms the irregular table knows (their lemmas may not share their first letters). */
export const IRREGULAR_FORMS: readonly string[] = Object.keys(IRREGULAR);

/** Candidate lemmas for a lower-cased word, most likely first. Always includes the word itself as 'base'. */
export function lemmaCandidates(word: string): LemmaCandidate[] {
  const w = word.toLowerCase();
  const out: LemmaCandidate[] = [];
  const irregular = IRREGULAR[w];
  if (irregular)
    out.push({ lemma: irregular, form: w.endsWith('s') ? 's' : w.endsWith('ing') ? 'ing' : 'ed' });
  if (SAME_FORMS.has(w)) out.push({ lemma: w, form: 'ed' });
  out.push({ lemma: w, form: 'base' });
  const n = w.length;
  if (n > 4 && w.endsWith('ies')) out.push({ lemma: `${w.slice(0, -3)}y`, form: 's' });
  if (n > 4 && w.endsWith('ied')) out.push({ lemma: `${w.slice(0, -3)}y`, form: 'ed' });
  if (n > 4 && w.endsWith('ing')) suffixStems(w.slice(0, -3), 'ing', out);
  if (n > 3 && w.endsWith('ed')) suffixStems(w.slice(0, -2), 'ed', out);
  if (n > 3 && w.endsWith('es')) out.push({ lemma: w.slice(0, -2), form: 's' });
  if (n > 3 && w.endsWith('s') && !w.endsWith('ss')) out.push({ lemma: w.slice(0, -1), form: 's' });
  return out;
}

function suffixStems(stem: string, form: Form, out: LemmaCandidate[]): void {
  out.push({ lemma: stem, form });
  out.push({ lemma: `${stem}e`, form });
  const last = stem.at(-1);
  if (last && stem.length > 2 && last === stem.at(-2) && !'aeiou'.includes(last)) {
    out.push({ lemma: stem.slice(0, -1), form });
  }
}

/** The first candidate lemma accepted by `known`, or undefined. */
export function lemmatize(word: string, known: (lemma: string) => boolean): LemmaCandidate | undefined {
  for (const c of lemmaCandidates(word)) if (known(c.lemma)) return c;
  return undefined;
}
