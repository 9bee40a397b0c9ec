/**
 * Context rules that disambiguate trigger words ("strike" in "air strike" vs "hunger strike", "fired at"
 * vs "was fired", "meet the demands"). Each rule looks at the lower-cased tokens around the candidate.
 */
import {
  at,
  isPassive,
  nextWord,
  objectHead,
  personLike,
  prevWord,
  type Rule,
  type RuleContext,
  s,
  subjectOffset,
  windowHas,
} from './rule-helpers.ts';
import { SENSE_RULES } from './rules-senses.ts';
import { USAGE_RULES } from './rules-usage.ts';
import {
  DETERMINERS,
  isCapitalized,
  PERSON_NOUNS,
  PLACE_NOUNS,
  PRONOUNS,
  VEHICLE_NOUNS,
  WEAPON_NOUNS,
} from './words.ts';

export type { RuleContext } from './rule-helpers.ts';

const MILITARY_MODS = s(
  'air drone missile rocket military aerial israeli american u.s. us russian coalition retaliatory precision ' +
    'deadly targeted artillery nuclear preemptive pre-emptive airstrike naval surgical',
);
const LABOUR_MODS = s(
  'hunger general labor labour workers teachers nationwide national rail transport doctors',
);
const DISASTER_CUES = s(
  'gas boiler leak accidental accidentally cylinder factory refinery pipeline plant fuel',
);
const FIRE_ATTACK_MODS = s(
  'open opened opening opens heavy enemy return returned small-arms artillery mortar rocket sniper ' +
    'machine-gun automatic live friendly under',
);
const FIRED_AT = s(
  'at on upon into shots shot rockets rocket missiles missile mortars mortar bullets rounds shells tear live ' +
    'warning weapons guns several multiple dozens',
);
const FIRE_CUES = s(
  'broke break blaze caught catch burn burned burnt burning firefighters flames engulfed gutted started massive huge ' +
    'house forest building factory extinguished',
);
const MEET_OBJECTS = s(
  'demand demands need needs requirement requirements criteria standard standards target targets deadline ' +
    'expectations goal goals threshold condition conditions obligations challenge challenges end disapproval ' +
    'criticism approval opposition resistance success failure silence skepticism scepticism',
);
const STATEMENT_OBJECTS = s(
  'statement statements communique communiqué declaration video message report announcement warning footage recording ' +
    'appeal photo photos image images',
);
const JOINT_BODIES = s(
  'room task taskforce coalition alliance committee commission council center centre mechanism command cell ' +
    'body partnership union front bloc force',
);
const NOT_PLACES = s(
  'agreement deal consensus conclusion decision settlement compromise record level peak milestone verdict age ' +
    'number total point stage out power light terms halt end an understanding',
);
/** What "goes to" a winner or a recipient ("the award went to", "most of the money will go to"). */
const AWARDED_THINGS = s(
  'award awards prize prizes title trophy honour honor accolade gong nomination vote votes contract job jobs money cash funds proceeds profits share shares seat seats medal medals',
);
/** Heads after "to", "into" or "through" that are states or occasions, not places. */
const NOT_DESTINATIONS = s(
  'rescue office fore attention mind minds life grips table game games match matches final finals semi-final semi-finals quarter-final quarter-finals round season holidays holiday weekend election elections market markets top bottom effect force play business',
);
const TROOPS = s(
  'troops forces soldiers army military coalition units personnel contingent fighters militants rebels ' +
    'reinforcements warships jets marines',
);
const NOT_WITHDRAW = s(
  'agreement deal treaty race election candidacy talks funding support money cash application bid nomination',
);
const LEGAL_CUES = s(
  'criminal murder terrorism terror fraud corruption formally prosecutors prosecutor court face faces facing ' +
    'filed brought pressed dropped drop assault manslaughter police',
);
const PRISON_CUES = s(
  'prison jail years year months life death serve serving served handed suspended lengthy maximum minimum',
);
/** Nouns after "death" that make it a modifier, not a death ("death penalty", "death spiral"). */
const NOT_DEATH_EVENT = s(
  'penalty sentence sentences row threat threats squad certificate spiral knell trap wish metal',
);
const DISEASE_CUES = s(
  'spread spreading spreads outbreak cases case infected infection infections affecting affected died deaths epidemic contracted symptoms',
);
const ORDERED_ACTS = s(
  'departure evacuation release arrest withdrawal closure shutdown halt investigation ban',
);
const LEADERS = s(
  'president leader regime government dictator king queen prime minister shah emperor ruler chancellor',
);
/** Words of custody: a release near them frees someone ("released from prison", "the hostages' release"). */
const CUSTODY_CUES = s(
  'prison prisons custody jail detention captivity bail parole hostage hostages prisoner prisoners detainee ' +
    'detainees captive captives kidnappers captors abductors held detained captured kidnapped abducted ' +
    'arrested imprisoned jailed',
);
/** What is released to the public rather than freed: works, products, information, money. */
const RELEASED_THINGS = s(
  'statement statements video videos report reports footage images photos pictures data figures details ' +
    'names list funds money results documents text findings survey album albums single singles song songs ' +
    'track tracks record records film films movie movies dvd dvds game games software program programs ' +
    'programme programmes version versions update updates edition editions book books trailer trailers ' +
    'console consoles phone phones handset handsets model models chip chips product products title titles ' +
    'sequel series episode episodes upgrade upgrades patch patches fix fixes browser',
);
/** Subjects that name who is freed in a passive release ("he was released", "the men were freed"). */
const PERSON_SUBJECTS = s('he she they we i you who these those');
const MOTION_PREPS = s('to into toward towards back home across through onto');
const CARRIED_TO_OR_FROM = new Set([...MOTION_PREPS, 'from']);

/** Rules by name (the lexicon refers to them). */
export const RULES: Record<string, Rule> = {
  ...USAGE_RULES,
  ...SENSE_RULES,
  pastForm: (c) => c.form === 'ed',
  // "stated", "states that": the bare noun "state" (a country, "the state") is far more frequent.
  stateVerb: (c) => c.form === 'ed' || c.form === 'ing' || nextWord(c) === 'that',
  demandFor: (c) => ['for', 'that'].includes(nextWord(c)),
  placeObject: (c) => {
    const o = objectHead(c);
    return (
      PLACE_NOUNS.has(o.word) || (isCapitalized(o.raw) && !PERSON_NOUNS.has(o.word) && !PRONOUNS.has(o.word))
    );
  },
  loseJob: (c) => windowHas(c, s('job jobs post posts position positions seat seats office'), 1, 3),
  vehicleObject: (c) =>
    VEHICLE_NOUNS.has(objectHead(c).word) ||
    ['room', 'rooms', 'ticket', 'tickets', 'seat'].includes(objectHead(c).word),
  searchForPerson: (c) =>
    nextWord(c) === 'for' &&
    windowHas(
      c,
      s(
        'man woman suspect suspects gunman gunmen attacker attackers killer perpetrator perpetrators fugitive',
      ),
      2,
      4,
    ),
  diseaseContext: (c) => windowHas(c, DISEASE_CUES, -6, 6),
  // "the police said in a statement": the statement is the channel of the reporting verb, not a second event.
  notChannel: (c) =>
    !(
      DETERMINERS.has(prevWord(c)) &&
      ['in', 'issued', 'issue', 'issues', 'released', 'release', 'read'].includes(at(c, -2))
    ),
  // "attack" as a verb: neither medical ("heart attack" misread as a verb) nor metaphorical ("attack the virus").
  notMedical: (c) => !['heart', 'panic', 'asthma', 'anxiety', 'cyber', 'cyber-'].includes(prevWord(c)),
  buildingSubject: (c) =>
    windowHas(
      c,
      s('building buildings bridge roof house tower ceiling wall walls mine dam structure hotel school'),
      -4,
      -1,
    ),
  notMassDestruction: (c) => prevWord(c) !== 'mass',
  notPlea: (c) => !['guilty', 'not', 'innocent', 'no'].includes(nextWord(c)),
  verbOnly: (c) => !DETERMINERS.has(prevWord(c)),
  nounOnly: (c) => !PRONOUNS.has(prevWord(c)) && prevWord(c) !== 'to',
  nounAfterDet: (c) => DETERMINERS.has(prevWord(c)) || prevWord(c) === "'s" || prevWord(c) === '’s',
  militaryStrike: (c) =>
    !RULES.labourStrike?.(c) &&
    (MILITARY_MODS.has(prevWord(c)) ||
      ['on', 'against', 'that', 'targeting', 'killed', 'hit'].includes(nextWord(c)) ||
      c.priorViolence),
  // A strike with a duration ("a 48-hour strike", "a one-day strike") is a work stoppage.
  labourStrike: (c) =>
    LABOUR_MODS.has(prevWord(c)) ||
    /^(?:\d+|one|two|three|\d+-|one-|two-|three-)?(?:hour|day|week)(?:-long)?$/.test(prevWord(c)) ||
    /^\d+-(?:hour|day|week)$/.test(prevWord(c)) ||
    (prevWord(c) === 'on' && ['went', 'go', 'are', 'were'].includes(at(c, -2))),
  notDisasterCue: (c) => !windowHas(c, DISASTER_CUES, -5, 5),
  disasterCue: (c) => windowHas(c, DISASTER_CUES, -5, 5),
  blowUp: (c) =>
    windowHas(c, s('up apart out'), 1, 3) || (nextWord(c) === 'to' && ['pieces', 'bits'].includes(at(c, 2))),
  fireAttack: (c) => FIRE_ATTACK_MODS.has(prevWord(c)),
  firedAtSomething: (c) => c.form !== 's' && FIRED_AT.has(nextWord(c)),
  firePerson: (c) =>
    (c.form !== 'ing' && ['him', 'her', 'them', 'us', 'me'].includes(nextWord(c))) ||
    (c.form === 'ed' &&
      !FIRED_AT.has(nextWord(c)) &&
      (isPassive(c) || personLike(objectHead(c).word, objectHead(c).raw))),
  fireDisaster: (c) =>
    !FIRE_ATTACK_MODS.has(prevWord(c)) &&
    !['cease', 'cease-'].includes(prevWord(c)) &&
    windowHas(c, FIRE_CUES, -4, 4),
  // "civil war", and a war or conflict located in a named place ("the conflict in Northern Ireland",
  // "Syria's war"); "conflict of interest" and "conflicts between their accounts" are not.
  armedConflict: (c) =>
    ['civil', 'armed', 'bloody', 'brutal', 'deadly', 'full-scale', 'proxy', 'military', 'violent'].includes(
      prevWord(c),
    ) ||
    (['in', 'over'].includes(nextWord(c)) && isCapitalized(c.raw[c.i + 2] ?? '')) ||
    (["'s", '’s'].includes(prevWord(c)) && isCapitalized(c.raw[c.i - 2] ?? '')) ||
    (prevWord(c) === 's' && ["'", '’'].includes(at(c, -2)) && isCapitalized(c.raw[c.i - 3] ?? '')),
  militaryOperation: (c) =>
    [
      'military',
      'intelligence',
      'security',
      'counterterrorism',
      'counter-terrorism',
      'anti-terror',
      'anti-terrorism',
      'joint',
      'special',
      'ground',
      'covert',
      'targeted',
      'police',
      'army',
      'commando',
      'airborne',
    ].includes(prevWord(c)) ||
    (['the', 'this'].includes(prevWord(c)) && c.priorViolence),
  weaponHit: (c) => {
    for (let k = -4; k <= 4; k++) {
      const w = at(c, k);
      if (k !== 0 && WEAPON_NOUNS.has(w) && w !== 'fire' && w !== 'gas') return true;
    }
    return false;
  },
  notDemonstrationOf: (c) => !(c.lemma === 'demonstration' && nextWord(c) === 'of'),
  demonstrateIntransitive: (c) =>
    !['that', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'how', 'what', 'our'].includes(nextWord(c)),
  lowercaseMarch: (c) => c.raw[c.i] === 'march' || c.raw[c.i] === 'marches',
  sendTroops: (c) => windowHas(c, TROOPS, 1, 4),
  notDeathPenalty: (c) => !NOT_DEATH_EVENT.has(nextWord(c)),
  deadPerson: (c) => !['end', 'ends', 'heat', 'zone', 'line', 'letter', 'weight'].includes(nextWord(c)),
  suicideDeath: (c) =>
    !s(
      'bomber bombers bombing bombings attack attacks vest vests belt belts car truck mission squad operation attacker attackers',
    ).has(nextWord(c)),
  claimLives: (c) => windowHas(c, s('lives life'), 1, 3),
  loseLives: (c) => windowHas(c, s('lives life'), 1, 3),
  personObject: (c) => isPassive(c) || personLike(objectHead(c).word, objectHead(c).raw),
  humanSubject: (c) => {
    for (let k = -1; k >= -3; k--) {
      const w = at(c, k);
      const raw = c.raw[c.i + k] ?? '';
      if (PRONOUNS.has(w) || PERSON_NOUNS.has(w)) return w !== 'it';
      if (isCapitalized(raw) && !DETERMINERS.has(w) && c.i + k > 0) return true;
    }
    return false;
  },
  pressConference: (c) => ['press', 'news'].includes(prevWord(c)),
  notPressConference: (c) => !['press', 'news'].includes(prevWord(c)),
  issueStatement: (c) => windowHas(c, STATEMENT_OBJECTS, 1, 4),
  // Not a title inside a sentence ("the sequel to Meet the Parents").
  meetPeople: (c) => !windowHas(c, MEET_OBJECTS, 1, 3) && !(c.i > 0 && c.raw[c.i] === 'Meet'),
  talksNoun: (c) => !PRONOUNS.has(prevWord(c)),
  callFor: (c) => ['for', 'on', 'upon'].includes(nextWord(c)),
  askTo: (c) => nextWord(c) === 'for' || windowHas(c, s('to'), 1, 5),
  orderTo: (c) =>
    prevWord(c) !== 'in' &&
    !DETERMINERS.has(prevWord(c)) &&
    (windowHas(c, s('to'), 1, 6) || ORDERED_ACTS.has(objectHead(c).word)),
  signAgreement: (c) =>
    windowHas(
      c,
      s('agreement deal accord treaty pact memorandum ceasefire truce contract declaration deals agreements'),
      1,
      4,
    ),
  cooperativeEffort: (c) =>
    ['effort', 'efforts', 'patrols', 'exercises', 'exercise', 'mechanism', 'initiative'].includes(
      nextWord(c),
    ),
  establishJointBody: (c) => {
    if (c.lemma === 'set' && nextWord(c) !== 'up') return false;
    return windowHas(c, JOINT_BODIES, 1, 6) || (c.form === 'ed' && windowHas(c, JOINT_BODIES, -3, -1));
  },
  movementOf: (c) =>
    ['of', 'across', 'into', 'toward', 'towards', 'through', 'between', 'from'].includes(nextWord(c)),
  directedMotion: (c) => {
    const n = nextWord(c);
    if (c.lemma === 'go' && c.form === 'ing' && n === 'to') return false;
    if (c.lemma === 'move' && n === 'in') return true;
    if (c.lemma === 'head' && ['for', 'north', 'south', 'east', 'west'].includes(n)) return true;
    if (!MOTION_PREPS.has(n)) return false;
    // "The best film award went to Vera Drake": a prize goes to its winner without moving.
    if (c.lemma === 'go' && windowHas(c, AWARDED_THINGS, -4, -1)) return false;
    if (n === 'back' || n === 'home') return true;
    // A preposition of direction needs somewhere after it: "came through the checkpoint", not "came through
    // well", "going into the holidays", "came to the rescue" or "moving into 2005".
    const after = at(c, 2);
    const rawAfter = c.raw[c.i + 2] ?? '';
    let head = 2;
    while (head < 4 && DETERMINERS.has(at(c, head))) head++;
    if (NOT_PLACES.has(after) || NOT_DESTINATIONS.has(at(c, head)) || /^(?:1[89]|20)\d\d$/.test(after))
      return false;
    return DETERMINERS.has(after) || isCapitalized(rawAfter) || PLACE_NOUNS.has(after) || /^\d/.test(after);
  },
  crossPlace: (c) =>
    c.form !== 's' &&
    !windowHas(c, s('agreement force talks negotiations race competition deal'), 1, 3) &&
    (['into', 'over', 'the', 'from'].includes(nextWord(c)) || isCapitalized(c.raw[c.i + 1] ?? '')),
  // "reached the scene", "reached Baghdad"; not "reach a wider audience" or "reached a collective view".
  reachPlace: (c) =>
    !windowHas(c, NOT_PLACES, 1, 3) &&
    (isCapitalized(c.raw[c.i + 1] ?? '') || windowHas(c, PLACE_NOUNS, 1, 3)),
  // "carried the bombs in backpacks to the street", "was driven to Oklahoma City": carrying and driving are
  // movements only with somewhere to go ("carried a date stamp", "carry prices above $50", "driven by fear").
  carriedSomewhere: (c) => !windowHas(c, s('out'), 1, 3) && windowHas(c, CARRIED_TO_OR_FROM, 1, 6),
  militaryWithdraw: (c) =>
    !windowHas(c, NOT_WITHDRAW, -4, 5) &&
    (windowHas(c, TROOPS, -6, 6) || (nextWord(c) === 'from' && isCapitalized(c.raw[c.i + 2] ?? ''))),
  notCardiac: (c) =>
    !['cardiac', 'heart', 'respiratory'].includes(prevWord(c)) &&
    !['warrant', 'warrants'].includes(nextWord(c)) &&
    (c.lemma !== 'custody' || prevWord(c) === 'into'),
  legalCharge: (c) =>
    prevWord(c) !== 'in' &&
    !['cover', 'service', 'electric', 'battery'].includes(prevWord(c)) &&
    (['with', 'of', 'over', 'for', 'against', 'in'].includes(nextWord(c)) || windowHas(c, LEGAL_CUES, -3, 3)),
  legalTrial: (c) =>
    c.lemma === 'testify' ||
    (c.lemma === 'try'
      ? isPassive(c) && ['for', 'in', 'on', 'by'].includes(nextWord(c))
      : !['clinical', 'field', 'drug', 'vaccine', 'free'].includes(prevWord(c))),
  courtHearing: (c) =>
    windowHas(c, s('court judge trial tribunal bail appeal sentencing extradition preliminary'), -3, 3),
  foundGuilty: (c) => ['found', 'pleaded', 'pled', 'plead', 'pleads', 'declared'].includes(prevWord(c)),
  prisonSentence: (c) => windowHas(c, PRISON_CUES, -4, 4),
  // Freeing someone: near words of custody, or with a person freed (the object, the passive's subject, "his
  // release"). Works, products and information are released far more often in news ("the album was released",
  // "it has been released in the US", "the report released on Monday"), and are not.
  releasePerson: (c) => {
    if (windowHas(c, CUSTODY_CUES, -10, 8) || (nextWord(c) === 'without' && at(c, 2) === 'charge'))
      return true;
    // Without custody, the base form "free" is the adjective: "free software", "initially free".
    if (c.lemma === 'free' && c.form === 'base') return false;
    if (windowHas(c, RELEASED_THINGS, -6, 3)) return false;
    if (
      c.lemma === 'release' &&
      ['pretrial', 'early', 'conditional', 'his', 'her', 'their'].includes(prevWord(c))
    )
      return true;
    if (isPassive(c)) {
      const k = c.i + subjectOffset(c);
      const w = c.lw[k] ?? '';
      return PERSON_NOUNS.has(w) || PERSON_SUBJECTS.has(w) || isCapitalized(c.raw[k] ?? '');
    }
    return personLike(objectHead(c).word, objectHead(c).raw);
  },
  tearDown: (c) => ['down', 'apart'].includes(nextWord(c)),
  swornIn: (c) => nextWord(c) === 'in',
  stepDown: (c) => ['down', 'aside'].includes(nextWord(c)),
  fallOfLeader: (c) => nextWord(c) === 'of' && windowHas(c, LEADERS, 2, 5),
};

/** Apply a named rule, or every rule of a list; an unknown name is a programming error. */
export function ruleAccepts(name: string | readonly string[] | undefined, c: RuleContext): boolean {
  if (!name) return true;
  if (typeof name !== 'string') return name.every((n) => ruleAccepts(n, c));
  const rule = RULES[name];
  if (!rule) throw new Error(`unknown trigger rule ${name}`);
  return rule(c);
}
