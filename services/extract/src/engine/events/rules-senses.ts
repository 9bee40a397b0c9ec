/**
 * Context rules that tell an event from another sense of the same word in sport, business, awards and opinion,
 * where news uses the vocabulary of violence and politics for contests: "beat" as a defeat ("Roddick beat
 * Enqvist"), a "battle" for a title or a takeover, "sales" as a trade figure, a nomination for an award, "agree"
 * as sharing a view, "appeal" as a court appeal or an attraction. Each keeps the event only with a sign of it.
 */
import {
  at,
  isPassive,
  nextWord,
  prevWord,
  type Rule,
  type RuleContext,
  s,
  windowHas,
} from './rule-helpers.ts';
import { quoteTag } from './rules-usage.ts';
import { CONJUNCTIONS, DETERMINERS, isCapitalized, PERSON_NOUNS, PREPOSITIONS } from './words.ts';

/** Nouns a sale modifies ("sale price"), when it names no transfer. */
const SALE_MODIFIED = s('price prices value values figures volume volumes growth tax taxes season period');
/** Words of prizes and their categories ("best supporting actress", "the Brits", "a Grammy"). */
const AWARD_CUES = s(
  'award awards prize prizes best oscar oscars bafta baftas grammy grammys emmy emmys brit brits globe globes cesar gong gongs category categories ceremony film films actor actress director album song single record',
);
/** Offices one is nominated to. */
const OFFICE_CUES = s(
  'president presidency presidential vice-president chairman chairwoman chair chief secretary minister ministers governor judge justice court ambassador commissioner candidate candidacy post position office seat job leader leadership speaker head board cabinet senate congress parliament party',
);
/** People appealed to besides PERSON_NOUNS ("appealed to fans to calm down"). */
const APPEALED_TO = s('fans public supporters kidnappers captors');
/** How a beating is described ("brutally beaten", "beaten unconscious"). */
const VIOLENT_MANNER = s(
  'brutally severely badly savagely viciously mercilessly repeatedly unconscious senseless black-and-blue',
);
/** A score ("3-1", "6-4"). */
const SCORE_RE = /^\d{1,3}-\d{1,3}$/;
/** Words that make a clash, battle or fight a contest: sport, elections, markets, courts. */
const CONTEST_CUES = s(
  'match matches game games final finals semi-final semi-finals quarter-final quarter-finals round tie cup league championship championships tournament season derby title titles trophy medal team teams squad side coach player players goal goals points seed seeded nations premiership election elections vote votes voters seat seats poll polls ballot takeover bid bids bidding price prices market markets customers consumers shareholders ratings chart charts box-office court courts legal lawsuit lawsuits copyright patent patents',
);
/** Words of rivalry between products and of private struggles: "a format battle", "the battle for supremacy",
 * "battled depression", "fighting in my mind", "a battle of words", "fight to get their voice heard". */
const STRUGGLE_CUES = s(
  'format formats supremacy console consoles standard standards gamers words depression cancer illness ' +
    'addiction alcoholism mind voice heard divorce custody berth contention fitness packs',
);
/** What is endangered rather than threatened by someone ("threatened the Ukrainian economy", "threatened his
 * members' jobs", "threatening the life of the nation", "threatened with closure"). */
const ENDANGERED = s(
  'economy economies job jobs future existence survival stability recovery livelihood livelihoods freedom ' +
    'freedoms integrity life lives stocks supplies supply competition industry growth health safety security ' +
    'environment peace careers career chances hopes closure collapse extinction relegation bankruptcy ' +
    'demolition species habitat',
);
/** Play and weather that "threaten" without anyone threatening ("threatened a try", "threatened rain"). */
const THREATENING_PLAY = s(
  'try tries score scores goal goals defence defense equaliser equalizer rain snow showers storms storm forward',
);
/** Words of an electoral win that make a landslide a result, not a disaster ("the 2001 Labour landslide"). */
const POLITICAL_WIN = s(
  'labour tory tories conservative conservatives democrat democrats republican republicans party victory win ' +
    'won majority re-election term terms power',
);
/** What sales figures count ("sold 6.23 million copies", "25 million portable players were sold"). */
const SALES_UNITS = s(
  'copies units handsets phones players consoles cars vehicles albums singles tickets machines devices ' +
    'computers pcs homes houses games',
);
/** An amount: a number, "million", "the number of". */
const AMOUNT_RE = /^(?:\d[\d.,]*(?:m|bn|k)?|millions?|billions?|thousands?|hundreds?|number)$/;
/** Nouns for people that name a body one outvotes or outplays rather than beats up. */
const COLLECTIVE_BODIES = s(
  'army military militia militias group government authorities authority ministry court jury coalition administration regime cabinet parliament council agency service company firm party opposition forces force crew crews',
);
/** What people are beaten with. */
const BEATING_TOOLS = s(
  'stick sticks baton batons club clubs truncheon truncheons whip whips cane canes rod rods bar bars pipe pipes belt belts butt butts fists hammer hammers bat bats chain chains cable cables hose hoses',
);

/** Words only ball games use: a shot or an attack among them is play ("Mendes shot from 50 yards and United
 * goalkeeper Roy Carroll spilled", "Liverpool's desperate attacks"). */
const PLAY_CUES = s(
  'goalkeeper goalkeepers keeper midfielder midfielders striker winger wingers defender defenders header ' +
    'equaliser equalizer crossbar woodwork scrum scrums fly-half flanker lineout line-out half-time wicket ' +
    'wickets innings bowler batsman',
);
/** Nouns that "attacking" describes as a way of playing ("attacking midfielder", "attacking flair"). */
const PLAYING_QUALITIES = s(
  'midfielder midfielders player players flair play force options intent threat football rugby style quality ' +
    'instincts prowess exuberance talent line unit duties role game',
);
/** Words of film and television making: "shooting on the drama", "has shot many other films". */
const FILMING_CUES = s(
  'film films movie movies drama dramas series scene scenes episode episodes director sequel documentary ' +
    'documentaries filming',
);
/** Words of fixtures: teams and players "meet" in a match ("when they meet in the final", "their last five
 * meetings"), which is a contest, not a meeting. */
const FIXTURE_CUES = s(
  'match matches finals semi-final semi-finals quarter-final quarter-finals cup championship championships ' +
    'tournament derby premiership seed seeded kick-off',
);
/** Words that make a warning a threat of harm by the one warning ("warned that it would retaliate"). */
const THREAT_CUES = s(
  'retaliate retaliation retaliatory consequences force forces attack attacks attacked strike strikes punish ' +
    'punished punishment sanctions war kill killed destroy destroyed crush respond response military troops',
);
/** Finite verbs that start a complement clause without "that" ("warned house prices were overvalued"). */
const FINITE = s('was were is are would could will had has have may might must');
/** What a "warning" may modify, where it names no act: "warning labels", "warning signs". */
const WARNING_MODIFIED = s('label labels sign signs light lights system systems message messages');
/** Aids that are devices, not help given: "a hearing aid", "a slimming aid". */
const DEVICE_AIDS = s('hearing slimming visual teaching learning memory navigation walking diet sleep first');
/** Words of markets: demand among them is buyers' demand, not a request ("demand for steel has risen"). */
const MARKET_CUES = s(
  'supply prices price sales market markets consumer consumers customer customers economy economies economic ' +
    'growth profits exports imports production output industry investors oil energy rose risen rising fell ' +
    'fallen falling boost boosted strong weak soaring record global booming slowing',
);
/** Words of amount and change before "demand" that make it buyers' demand ("growing demand", "a fall in demand",
 * "meet demand", "pent-up demand"). */
const DEMAND_AMOUNT = s(
  'increased increase increasing growing high higher strong stronger weak weaker reduced reducing reduce rising ' +
    'falling fall drop lack pent-up huge continuing stagnant domestic consumer passenger phenomenal satisfy meet ' +
    'met meeting ease global',
);
/** What makes "demand" someone's: an article of one demand or a possessive ("a demand", "Lee's demand"). */
const SOMEONES = s("a an 's ’s ' ’ his her its their our my your");
const TO = s('to');
/** What a plural "demands" weighs on rather than asks for: "the physical demands of the job". */
const BURDEN_MODS = s('physical mental technical competing conflicting heavy extra additional time work job');
/** Where one storms to or off: "stormed to the title", "stormed off the set". */
const STORM_AWAY = s('to off out back home ahead clear');

/**
 * Last word of the lower-case noun phrase starting at token `k` ("the opposition politicians" -> "politicians"),
 * or '' when it starts with anything but a lower-case word or is a title before a name ("former member Brian").
 */
function lowerNounHead(c: RuleContext, k: number): string {
  while (DETERMINERS.has(c.lw[k] ?? '')) k++;
  let head = '';
  for (const end = k + 4; k < end; k++) {
    const w = c.lw[k] ?? '';
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(c.raw[k] ?? '') || PREPOSITIONS.has(w) || CONJUNCTIONS.has(w)) break;
    head = w;
  }
  return isCapitalized(c.raw[k] ?? '') ? '' : head;
}

/** Rules by name, merged into RULES (rules.ts). */
export const SENSE_RULES: Record<string, Rule> = {
  // An appeal for something, or to people to do something, is a request ("appeals for tsunami aid", "appealed
  // to residents to stay indoors"); a court appeal ("lost an appeal against the ruling") and an attraction
  // ("will appeal to PC users", "limit the appeal of playing again") are not.
  appealForSomething: (c) => {
    if (nextWord(c) === 'for') return true;
    if (nextWord(c) !== 'to') return false;
    const head = lowerNounHead(c, c.i + 2);
    return (
      (PERSON_NOUNS.has(head) || APPEALED_TO.has(head) || isCapitalized(c.raw[c.i + 2] ?? '')) &&
      windowHas(c, s('to for'), 3, 7) &&
      !windowHas(c, s('will would could can may might'), -2, -1)
    );
  },
  // Agreeing to something ("agreed to suspend", "agreed a settlement", "agree on a ceasefire") is an agreement;
  // sharing an opinion is not ("analysts agree that ...", "Mr Telford agreed, but ...", "I agree with him").
  // A passive agreement is one ("standards are agreed", "proposals have not been agreed").
  agreeToSomething: (c) => {
    if (isPassive(c)) return true;
    let k = 1;
    while (['"', '”', "'", '’'].includes(at(c, k))) k++;
    return !['that', 'with', ',', '.', ':', ';', ''].includes(at(c, k));
  },
  // Nominated to an office ("nominated him as attorney general", "his nomination by Prime Minister Sharon")
  // starts a position; nominated for an award ("nominated for best actor", "12 nominations for the Cesar awards",
  // "his third nomination for Million Dollar Baby") does not. Counted nominations are awards'.
  officeNomination: (c) =>
    !(c.lemma === 'nomination' && c.form === 's') &&
    !windowHas(c, AWARD_CUES, -6, 6) &&
    windowHas(c, OFFICE_CUES, -8, 8),
  // "The sale of the two businesses" is a transfer, and "put up for sale" a planned one; "sales rose 1.8%" is a
  // trade figure, "went on sale" and "not for sale" say what can be bought, "the sale price" is a modifier.
  oneSale: (c) =>
    c.form !== 's' &&
    prevWord(c) !== 'on' &&
    (prevWord(c) !== 'for' || ['up', 'offered'].includes(at(c, -2))) &&
    !SALE_MODIFIED.has(nextWord(c)),
  // A landslide near words of elections or of a party's win is a result ("a landslide victory", "the 2001 Labour
  // landslide"); otherwise earth moves.
  naturalLandslide: (c) => !windowHas(c, CONTEST_CUES, -6, 6) && !windowHas(c, POLITICAL_WIN, -4, 4),
  // Threatening someone is a threat; endangering a thing is not: "the reform threatened his members' jobs",
  // "threatening the life of the nation", "threatened with closure"; nor is play or weather ("threatened a try",
  // "threatened rain"). "Threatened legal action", "threatened with sanctions" and threatening to do something
  // ("threatening to cut 12,000 jobs") stay.
  threatenSomeone: (c) =>
    nextWord(c) === 'to' || (!windowHas(c, ENDANGERED, 1, 4) && !windowHas(c, THREATENING_PLAY, 1, 3)),
  // A count of goods sold is a sales figure, not a transfer ("has sold 19.9 million units", "the number of phones
  // sold"), and "selling points" are qualities; "was sold to Tulip for $17m" stays a sale.
  notSalesFigure: (c) => {
    if (c.form === 'ing' && ['point', 'points'].includes(nextWord(c))) return false;
    const counted = (from: number, to: number): boolean => {
      let amount = false;
      let units = false;
      for (let k = from; k <= to; k++) {
        amount ||= AMOUNT_RE.test(at(c, k));
        units ||= SALES_UNITS.has(at(c, k));
      }
      return amount && units;
    };
    return !counted(1, 5) && !(c.form === 'ed' && counted(-5, -1));
  },
  // An attack or a shot in a ball game is play, and so is an "attacking" player or style; "Italy launched a
  // series of attacks" next to a fly-half is rugby. Filming is shooting too ("shooting on period drama").
  notPlay: (c) =>
    !c.lw.some((w) => PLAY_CUES.has(w)) && !(c.form === 'ing' && PLAYING_QUALITIES.has(nextWord(c))),
  notFilming: (c) => !windowHas(c, FILMING_CUES, -6, 6),
  // Storming is an assault on a place ("stormed the building", "stormed into the compound"), not a rush to a
  // title or out of a room.
  stormPlace: (c) => !STORM_AWAY.has(nextWord(c)),
  // A demand for something is a request unless it is buyers' demand ("soaring demand for air travel", "demand
  // for steel has risen"); a demand for someone to act ("an EU demand for Turkey to recognise Cyprus") always is.
  demandRequest: (c) =>
    (nextWord(c) === 'for' && windowHas(c, TO, 3, 6)) || !windowHas(c, MARKET_CUES, -3, 6),
  // The noun "demand" is someone's request when it is "a demand", someone's ("Lee's demand for 10% of the
  // profits", "its demand for an inquiry"), a demand that ..., or a demand for someone to act; otherwise, bare
  // or after "the", it is buyers' demand ("demand for heating oil", "reducing the demand for US goods", "the
  // country's growing demand for cars").
  demandNoun: (c) => {
    const next = nextWord(c);
    if (next === 'that' || (next === 'for' && windowHas(c, TO, 3, 6))) return true;
    if (windowHas(c, DEMAND_AMOUNT, -3, -1)) return false;
    return SOMEONES.has(prevWord(c));
  },
  // Demands that weigh on something are not requests: "the physical demands of the job", "demands on funds"
  // ("their demands on Monday" still are).
  notBurden: (c) =>
    !(nextWord(c) === 'on' && lowerNounHead(c, c.i + 2) !== '') && !BURDEN_MODS.has(prevWord(c)),
  // Also "the final" as a noun ("meet in the final"), not the adjective ("the final meeting of the commission").
  notFixture: (c) => {
    if (windowHas(c, FIXTURE_CUES, -8, 8) || c.lw.some((w) => SCORE_RE.test(w))) return false;
    for (let k = -8; k <= 8; k++) {
      if (k === 0 || at(c, k) !== 'final' || at(c, k - 1) !== 'the') continue;
      const after = c.raw[c.i + k + 1] ?? '';
      if (!/^\p{Ll}/u.test(after) || PREPOSITIONS.has(after)) return false;
    }
    return true;
  },
  // Warning that something may happen, or of it, is a cautionary statement ("warned that house prices could
  // fall", "warned of a steep fall in profits"), not a threat, unless harm by the one warning is in view ("warned
  // that it would retaliate"). "A profit warning" is a statement too.
  cautionaryWarning: (c) => {
    if (prevWord(c) === 'profit' || prevWord(c) === 'profits') return true;
    if (c.lemma === 'warning') return false;
    // A reporting tag after what was said ('..., she warned.'), or before it ('the report warned: "..."').
    if (nextWord(c) === '.' || nextWord(c) === ':' || (['"', '”', ','].includes(prevWord(c)) && quoteTag(c)))
      return !windowHas(c, THREAT_CUES, -15, -1);
    let k = 1;
    // What was warned of or about: after "that", "of" or "against", or a clause whose verb follows its subject.
    while (k <= 6 && !['that', 'of', 'against'].includes(at(c, k)) && !(k > 1 && FINITE.has(at(c, k)))) {
      if (['.', ',', ';', ':', '', 'to'].includes(at(c, k))) return false;
      k++;
    }
    return k <= 6 && !windowHas(c, THREAT_CUES, k + 1, k + 15);
  },
  // "warning labels", "warning signs" name no act.
  notWarningModifier: (c) => !WARNING_MODIFIED.has(nextWord(c)),
  // Aid given: singular ("Aids", "HIV/AIDS" and "aides" read as plurals of it), and not a device ("a hearing
  // aid", "first aid").
  aidGiven: (c) => c.form !== 's' && !DEVICE_AIDS.has(prevWord(c)),
  // A clash, battle or fight near words of sport, elections, markets or courts is a contest, not an attack
  // ("Sunday's Six Nations clash with Wales", "a takeover battle", "battle for votes", "a legal battle"), and
  // near words of product rivalry or private struggle it is a metaphor ("a format battle", "battled depression");
  // without them it stays an attack, as in "the battle for Syria" or "battling ISIS".
  notContest: (c) =>
    !windowHas(c, CONTEST_CUES, -6, 6) &&
    !windowHas(c, STRUGGLE_CUES, -6, 6) &&
    !c.lw.some((w) => SCORE_RE.test(w)),
  // "Beat" hurts someone only with a sign of violence: "beaten to death", "beat him up", "brutally beaten",
  // "beaten with batons", "beaten by police", "beat the prisoners". Otherwise it is a defeat, far more often
  // ("Roddick beat Enqvist 3-6 7-6", "was beaten 5-0", "beat Shrek 2 to the award", "beat the Tories").
  beatenViolently: (c) => {
    if (windowHas(c, s('up'), 1, 2) || windowHas(c, VIOLENT_MANNER, -2, 3)) return true;
    if (windowHas(c, s('death'), 2, 4) && windowHas(c, TO, 1, 3)) return true;
    if (windowHas(c, s('with'), 1, 4) && windowHas(c, BEATING_TOOLS, 2, 7)) return true;
    // The one beaten, or the one beating after "beaten by": a common noun for people, not a named rival, a
    // pronoun (also "beat them to the award") or a body that can be outvoted or outplayed ("the opposition").
    const head = lowerNounHead(c, c.form === 'ed' && nextWord(c) === 'by' ? c.i + 2 : c.i + 1);
    return PERSON_NOUNS.has(head) && !COLLECTIVE_BODIES.has(head);
  },
};
