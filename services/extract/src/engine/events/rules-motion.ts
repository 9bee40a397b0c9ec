/**
 * Context rules for movement (`movement.transport`): a verb of motion is a movement only when someone or
 * something that travels goes somewhere. Sport and business use the same verbs for play, progress and
 * recovery ("the ball flew wide", "came through their replay", "come back stronger", "entered the chart").
 */
import {
  at,
  nextWord,
  objectHead,
  type Rule,
  type RuleContext,
  s,
  subjectOffset,
  windowHas,
} from './rule-helpers.ts';
import {
  AUXILIARIES,
  DETERMINERS,
  isCapitalized,
  NEGATIONS,
  PERSON_NOUNS,
  PLACE_NOUNS,
  PRONOUNS,
} from './words.ts';

/** Words right after a preposition that make it no destination ("came to an end", "reached a deal"). */
const NOT_PLACES = s(
  'agreement deal consensus conclusion decision settlement compromise record level peak milestone verdict age ' +
    'number total point stage out power light terms halt end an understanding',
);
/** What "goes to" a winner or a recipient ("the award went to", "most of the money will go to", "the final
 * word went to Italy"). */
const AWARDED_THINGS = s(
  'award awards prize prizes title trophy honour honor accolade gong nomination vote votes contract job jobs money cash funds proceeds profits share shares seat seats medal medals word',
);
/** Heads after "to", "into" or "through" that are states, occasions or groups, not places ("come to a head",
 * "came through their replay", "comes into the team", "driven into the hands of extremists"). */
const NOT_DESTINATIONS = s(
  'rescue office fore attention mind minds life grips table game games match matches final finals semi-final ' +
    'semi-finals quarter-final quarter-finals round season holidays holiday weekend election elections market ' +
    'markets top bottom effect force play business head heart hands replay replays team side squad figures ' +
    'details',
);
const WALKED_PAST = s('by past along around down up off on');
/** Not somewhere to walk: "walked into it", "walk off with". */
const NOWHERE = s('it them here there with away');
const MOTION_PREPS = s('to into toward towards back home across through onto');
const CARRIED_TO_OR_FROM = new Set([...MOTION_PREPS, 'from']);
const OUT = s('out');
/** After "back": a recovery or a reversal, not a return ("come back stronger", "went back on a pledge"). */
const BACK_STATES = s('on stronger better fitter bigger harder');
/** What a market entrant or a record enters, and stages of a game ("entered the chart", "enter the market",
 * "the game entered the final quarter"): no place is entered. */
const NOT_ENTERED = s(
  'agreement force talks negotiations race competition deal market markets chart charts quarter half period ' +
    'phase stage spotlight world era decade season administration parliament politics fray debate contest',
);
/** Subjects that do not travel: balls and shots in play, and abstractions ("the ball flew wide", "my shot went
 * through the legs", "another setback arrived", "peace has not arrived", "the issue entered the spotlight"). */
const NON_MOVERS = s(
  'ball balls shot shots effort efforts header headers kick kicks free-kick penalty penalties cross crosses ' +
    'pass passes volley volleys serve serves putt putts game match setback setbacks peace moment chance ' +
    'opportunity news issue issues improvement confidence result results form',
);

/** Offset of the head word of the phrase starting at offset `k`, past at most two determiners ("the", "their"). */
function headFrom(c: RuleContext, k: number): number {
  let head = k;
  while (head < k + 2 && DETERMINERS.has(at(c, head))) head++;
  return head;
}

/**
 * Whether the preposition at offset `k` leads somewhere: a determiner before a noun, a capitalised name, a
 * place noun or a number ("to the UK", "into Baghdad", "through the checkpoint"), not a state or occasion
 * ("to the rescue", "into 2005", "came to this.").
 */
function destinationAt(c: RuleContext, k: number): boolean {
  const after = at(c, k + 1);
  const rawAfter = c.raw[c.i + k + 1] ?? '';
  const headWord = at(c, headFrom(c, k + 1));
  if (NOT_PLACES.has(after) || NOT_DESTINATIONS.has(headWord) || /^(?:1[89]|20)\d\d$/.test(after))
    return false;
  if (DETERMINERS.has(after)) return /^[\p{L}\d]/u.test(headWord);
  return isCapitalized(rawAfter) || PLACE_NOUNS.has(after) || /^\d/.test(after);
}

/** "Back" is a return unless a recovery or a reversal follows, or a preposition that leads nowhere ("came back
 * into it", "coming back to haunt you", "come back from two sets down"). */
function backSomewhere(c: RuleContext): boolean {
  const n = at(c, 2);
  if (n === 'home') return true;
  if (BACK_STATES.has(n)) return false;
  if (n === 'from') {
    return isCapitalized(c.raw[c.i + 3] ?? '') || PLACE_NOUNS.has(at(c, headFrom(c, 3)));
  }
  return MOTION_PREPS.has(n) ? destinationAt(c, 2) : true;
}

/** Walking needs less than a vehicle's destination: any noun after the preposition ("through rubble"). */
function walkedSomewhere(c: RuleContext): boolean {
  // "roam our streets, walk around": walking about is a movement without a place named.
  if (nextWord(c) === 'around') return true;
  const after = at(c, 2);
  if (NOWHERE.has(after) || PRONOUNS.has(after) || NOT_DESTINATIONS.has(at(c, headFrom(c, 2)))) return false;
  return /^\p{L}/u.test(after);
}

export const MOTION_RULES: Record<string, Rule> = {
  /** The subject is something that travels: not a ball in play or an abstraction. */
  mover: (c) => {
    let k = subjectOffset(c);
    // Negation and manner adverbs are not in ADVERBS: "peace has not arrived", "the shot clearly crossed".
    while (
      k > -5 &&
      (NEGATIONS.has(at(c, k)) || AUXILIARIES.has(at(c, k)) || /^[a-z]+ly$/.test(c.raw[c.i + k] ?? ''))
    )
      k--;
    return !NON_MOVERS.has(at(c, k));
  },
  placeObject: (c) => {
    const o = objectHead(c);
    return (
      PLACE_NOUNS.has(o.word) || (isCapitalized(o.raw) && !PERSON_NOUNS.has(o.word) && !PRONOUNS.has(o.word))
    );
  },
  directedMotion: (c) => {
    const n = nextWord(c);
    if (c.lemma === 'go' && c.form === 'ing' && n === 'to') return false;
    if (c.lemma === 'move' && n === 'in') return true;
    if (c.lemma === 'head' && ['for', 'north', 'south', 'east', 'west'].includes(n)) return true;
    // "walk out of the restaurant", not "walked out of the club" or "walk out" (a strike).
    if (n === 'out' && at(c, 2) === 'of') return PLACE_NOUNS.has(at(c, headFrom(c, 3)));
    // On foot, anywhere named: "walks through rubble", "walks on stage", "walked down the red carpet", not
    // "walked off with three prizes", "walk away" or "walked into it".
    if (c.lemma === 'walk' && (WALKED_PAST.has(n) || MOTION_PREPS.has(n))) return walkedSomewhere(c);
    if (!MOTION_PREPS.has(n)) return false;
    // "The best film award went to Vera Drake": a prize goes to its winner without moving.
    if (c.lemma === 'go' && windowHas(c, AWARDED_THINGS, -4, -1)) return false;
    if (n === 'home') return true;
    if (n === 'back') return backSomewhere(c);
    // "came through the checkpoint", not "came through well", "going into the holidays", "came to the
    // rescue" or "moving into 2005".
    return destinationAt(c, 1);
  },
  crossPlace: (c) =>
    c.form !== 's' &&
    !windowHas(c, NOT_ENTERED, 1, 4) &&
    (['into', 'over', 'the', 'from'].includes(nextWord(c)) || isCapitalized(c.raw[c.i + 1] ?? '')),
  // "reached the scene", "reached Baghdad"; not "reach a wider audience" or "reached a collective view".
  reachPlace: (c) =>
    !windowHas(c, NOT_PLACES, 1, 3) &&
    (isCapitalized(c.raw[c.i + 1] ?? '') || windowHas(c, PLACE_NOUNS, 1, 3)),
  // "carried the bombs in backpacks to the street", "was driven to Oklahoma City": carrying and driving are
  // movements only with somewhere to go ("carried a date stamp", "carry prices above $50", "driven by fear",
  // "driven into the hands of extremists").
  carriedSomewhere: (c) => {
    if (windowHas(c, OUT, 1, 3)) return false;
    // "Driven by" names a cause unless a named place follows: "driven by police from Birmingham to London".
    const byCause = c.lemma === 'drive' && nextWord(c) === 'by';
    for (let k = 1; k <= 6; k++) {
      if (!CARRIED_TO_OR_FROM.has(at(c, k))) continue;
      return byCause ? isCapitalized(c.raw[c.i + k + 1] ?? '') : destinationAt(c, k);
    }
    return false;
  },
};
