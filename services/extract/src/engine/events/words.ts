/**
 * Closed-class word lists and small semantic noun classes the event rules need. Lower-case throughout.
 * The noun classes let arguments be found where no named entity exists ("three soldiers", "a car bomb").
 */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

export const DETERMINERS = set(
  'a an the this that these those his her its their our my your some any each every another no all both ' +
    'several many few numerous various other such',
);

export const PRONOUNS = set('he she they it we i you him them us who whom himself herself themselves');

export const AUXILIARIES = set(
  'is are was were be been being am has have had having do does did will would shall should can could may ' +
    "might must 's 're 've 'd 'll ’s ’re ’ve ’d ’ll get got gets getting",
);

export const BE_FORMS = set("is are was were be been being am 's ’s get got gets getting");

export const PREPOSITIONS = set(
  'in on at by with from to into onto of for against near outside inside during after before since until ' +
    'through across over under between among amid amidst toward towards via per about around without within ' +
    'behind beyond along upon off following despite including involving like than as aboard',
);

export const CONJUNCTIONS = set('and or but nor yet so');

export const CLAUSE_WORDS = set(
  'that which who whom whose when where while because although though if whether as since after before ' +
    'unless until whereas',
);

/** Adverbs that may sit between subject, auxiliary and verb. */
export const ADVERBS = set(
  'also reportedly allegedly later then just already still again recently previously initially finally ' +
    'apparently reported successfully relentlessly subsequently eventually immediately brutally fatally ' +
    'critically seriously severely mortally nearly almost jointly quickly first once however meanwhile ' +
    'nevertheless nonetheless moreover furthermore instead separately elsewhere now indeed',
);

export const NEGATIONS = set("not n't never no neither nor without");

export const NUMBER_WORDS = set(
  'one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds thousand ' +
    'thousands million millions scores several many some numerous least most more than nearly about around ' +
    'approximately over almost up',
);

/** Quantity heads that pass their role to the noun after "of" ("dozens of people"). */
export const QUANTITY_HEADS = set(
  'dozens hundreds thousands millions scores number numbers group groups some many several most all none ' +
    'one two three four five six seven eight nine ten dozen couple handful majority rest members',
);

export const PERSON_NOUNS = set(
  'people person persons man men woman women child children boy boys girl girls civilian civilians soldier ' +
    'soldiers troops troop officer officers police policeman policemen policewoman official officials militant ' +
    'militants fighter fighters gunman gunmen attacker attackers bomber bombers insurgent insurgents rebel rebels ' +
    'terrorist terrorists member members leader leaders commander commanders general generals colonel captain ' +
    'major minister ministers president prime premier governor mayor spokesman spokeswoman spokesperson ' +
    'resident residents villager villagers worker workers student students protester protesters demonstrator ' +
    'demonstrators pilgrim pilgrims worshipper worshippers tourist tourists passenger passengers driver drivers ' +
    'journalist journalists reporter reporters victim victims suspect suspects prisoner prisoners detainee ' +
    'detainees hostage hostages guard guards agent agents forces force personnel staff family families relative ' +
    'relatives wife husband son sons daughter daughters brother father mother teenager teenagers priest imam ' +
    'doctor doctors nurse nurses patient patients judge judges prosecutor prosecutors lawyer lawyers citizen ' +
    'citizens migrant migrants refugee refugees crew crews army military militia militias group government ' +
    'authorities authority ministry court jury coalition administration regime cabinet parliament council ' +
    'agency service company firm party opposition jihadist jihadists extremist extremists gang gangs cartel ' +
    'individual individuals assailant assailants perpetrator perpetrators shooter shooters sniper snipers ' +
    'warfighters warrior warriors caliph chief head founder owner employee employees ambassador diplomat diplomats ' +
    'source sources witness witnesses analyst analysts expert experts observer observers critic critics lawmaker ' +
    'lawmakers politician politicians senator senators congressman activist activists manager bosses boss organizers spokesmen',
);

export const WEAPON_NOUNS = set(
  'bomb bombs ied ieds explosive explosives device devices grenade grenades mine mines landmine landmines ' +
    'rocket rockets missile missiles mortar mortars shell shells artillery gun guns rifle rifles pistol pistols ' +
    'weapon weapons firearm firearms knife knives machete machetes drone drones airstrike airstrikes strike ' +
    'strikes bullet bullets ammunition tank tanks vest vests belt belts car-bomb truck-bomb dynamite tnt ' +
    'fertilizer nail nails shrapnel gas chemicals poison sword axe hammer ak-47 kalashnikov jet jets aircraft ' +
    'plane planes helicopter helicopters warplane warplanes fire gunfire',
);

export const VEHICLE_NOUNS = set(
  'car cars vehicle vehicles truck trucks bus buses van vans train trains plane planes aircraft jet jets ' +
    'helicopter helicopters boat boats ship ships ferry motorcycle motorcycles bicycle taxi convoy convoys ' +
    'ambulance flight flights vessel vessels minibus lorry',
);

export const PLACE_NOUNS = set(
  'city town village villages province provinces district districts region regions area areas country ' +
    'countries capital state border borders street streets road roads highway market markets mosque mosques ' +
    'church churches temple synagogue school schools hospital hospitals checkpoint checkpoints base bases camp ' +
    'camps airport station stations building buildings hotel hotels restaurant cafe office offices embassy ' +
    'headquarters compound prison prisons jail neighborhood neighbourhood square bridge port stadium university ' +
    'house home homes residence palace parliament ministry courthouse shrine site sites desert outskirts ' +
    'suburb suburbs valley mountains island coast north south east west northeast northwest southeast ' +
    'southwest center centre interior territory territories zone scene',
);

export const TIME_NOUNS = set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning afternoon ' +
    'evening night week weekend month year january february march april may june july august september ' +
    'october november december decade hours days weeks months years',
);

/** True for a token that looks like a word (not punctuation). */
export function isWord(t: string): boolean {
  return /[\p{L}\p{N}]/u.test(t);
}

/** True for a token starting with an upper-case letter. */
export function isCapitalized(t: string): boolean {
  return /^\p{Lu}/u.test(t) || NAME_PARTICLE_RE.test(t);
}

/** Arabic and European name particles glued to a capitalised name ("al-Sudani", "bin-Salman"). */
const NAME_PARTICLE_RE =
  /^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|van|von|de|da|di|du|le|la)[-‐‑’']\p{Lu}/u;
