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
import { MOTION_RULES } from './rules-motion.ts';
import { SENSE_RULES } from './rules-senses.ts';
import { USAGE_RULES } from './rules-usage.ts';
import {
  DETERMINERS,
  isCapitalized,
  PERSON_NOUNS,
  PREPOSITIONS,
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
    'criticism approval opposition resistance success failure silence skepticism scepticism rule rules ' +
    'objective objectives forecast forecasts cost costs bill bills commitment commitments quota quotas',
);
const STATEMENT_OBJECTS = s(
  'statement statements communique communiqué declaration video message report announcement warning footage recording ' +
    'appeal photo photos image images',
);
const JOINT_BODIES = s(
  'room task taskforce coalition alliance committee commission council center centre mechanism command cell ' +
    'body partnership union front bloc force',
);
/** What follows the noun "offensive" ("an offensive against", "the offensive began"), unlike the adjective. */
const OFFENSIVE_NEXT = s('against on in by of to was is has had will would began begins and');
const GO_FORMS = s('go goes going went gone');
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

/** Rules by name (the lexicon refers to them). */
export const RULES: Record<string, Rule> = {
  ...USAGE_RULES,
  ...SENSE_RULES,
  ...MOTION_RULES,
  pastForm: (c) => c.form === 'ed',
  // "stated", "states that": the bare noun "state" (a country, "the state") is far more frequent.
  stateVerb: (c) => c.form === 'ed' || c.form === 'ing' || nextWord(c) === 'that',
  demandFor: (c) => ['for', 'that'].includes(nextWord(c)),
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
  // "launched an offensive", "the offensive on Fallujah"; not the adjective ("any offensive songs") or going on
  // the offensive in words ("Michael Howard went on the offensive over comments"), unless troops do.
  militaryOffensive: (c) => {
    if (!RULES.nounAfterDet?.(c)) return false;
    const next = nextWord(c);
    if (/^[a-z]/.test(c.raw[c.i + 1] ?? '') && !OFFENSIVE_NEXT.has(next) && !PREPOSITIONS.has(next))
      return false;
    return !(at(c, -2) === 'on' && GO_FORMS.has(at(c, -3))) || windowHas(c, TROOPS, -8, 8);
  },
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
  // "meet the demands", "meet the country's growing demand", "met its main strategic objectives".
  meetPeople: (c) => !windowHas(c, MEET_OBJECTS, 1, 5) && !(c.i > 0 && c.raw[c.i] === 'Meet'),
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
