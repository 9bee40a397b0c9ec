import type { AliasLink } from './aliases.ts';
import { type Lexicon, lexKey, RANKS, ROLE_PREFIXES, ROLE_QUALIFIERS } from './lexicon/index.ts';
import { type Mention, mentionAt } from './mention.ts';
import type { Doc, Token } from './types.ts';

/** A role or title the text gives a person, with the body it is held in when stated. */
export interface RoleFact {
  person: Mention;
  title: string;
  /** "former", "interim", ... as written (lower case). */
  qualifiers: string[];
  /** The country, nationality or organisation mention the role belongs to. */
  affiliation?: Mention;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const POSSESSIVES = new Set(["'s", '’s', "'", '’']);
const QUOTES = new Set(['“', '”', '"', '‘', '’', "'"]);
const HONORIFICS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'sheikh']);
const NP_END = new Set([',', '.', ';', ':', ')', '—', '–', '!', '?', 'and', 'who', 'said', 'says', '”']);
/** Words after "premier" that make it the adjective ("Europe's premier club competition"). */
const PREMIER_ADJECTIVE_NEXT = new Set(
  (
    'league division club clubs competition competitions event events destination brand brands carrier ' +
    'provider venue tournament award awards private domestic international national sporting football rugby ' +
    'golf racing resort airline operator supplier manufacturer university school hospital title'
  ).split(' '),
);
/** Ends of a prepositional tail after a postposed title ("X, EA's vice president of sales and marketing in
 * Europe, said"). */
const TAIL_END = new Set([',', '.', ';', ':', ')', '—', '–', '”', 'who']);
const TAIL_PREPS = new Set(['of', 'for', 'in', 'at', 'with']);
const MAX_TAIL = 10;

const SPEAKING = new Set(['said', 'says', 'told', 'added', 'warned', 'explained', 'who']);
/** The words after a name at `i` make it the subject of a reporting verb or a relative: ", said", " said". */
function speaksNext(words: readonly string[], i: number): boolean {
  return SPEAKING.has(words[i] ?? '') || (words[i] === ',' && SPEAKING.has(words[i + 1] ?? ''));
}

/** Where a postposed role phrase ending at `i` ends: at once before a phrase end, or after a prepositional tail
 * that reaches one within a few words; undefined when the phrase runs on into the clause. */
function appositionEnd(words: readonly string[], i: number): number | undefined {
  if (i >= words.length || NP_END.has(words[i] ?? '')) return i;
  if (!TAIL_PREPS.has(words[i] ?? '')) return undefined;
  for (let k = i + 1; k < Math.min(words.length, i + MAX_TAIL); k++) {
    if (TAIL_END.has(words[k] ?? '')) return k;
    if (words[k] === 'said' || words[k] === 'says') return undefined;
  }
  return undefined;
}

/** Words allowed between a preposed role phrase and its comma: "the head of the Islamic State in Iraq and Syria". */
const PP_WORDS = new Set(['in', 'and', 'of', 'the', 'for', '(', ')']);
const AFFILIABLE = new Set(['location', 'nationality', 'organization', 'misc']);
const MAX_PREPOSED = 14;
const NAMING_VERBS = new Set([
  'describing',
  'described',
  'describes',
  'named',
  'naming',
  'names',
  'identified',
  'identifying',
  'appointed',
  'appointing',
  'elected',
  'hailed',
  'branded',
  'called',
  'calling',
  'installed',
  'confirmed',
  'designated',
]);

interface RoleNP {
  title: string;
  qualifiers: string[];
  affiliation?: Mention;
  end: number;
}

/** Persons, and organisation/MISC names only the tagger vouches for (it often mistypes Arabic names). */
function isPersonCandidate(m: Mention): boolean {
  if (m.source === 'nominal') return false;
  if (m.kind === 'person') return true;
  return (
    (m.kind === 'organization' || m.kind === 'misc') && m.source === 'tagger' && !m.confirmed && !m.canonical
  );
}

function toFact(person: Mention, np: RoleNP): RoleFact {
  const fact: RoleFact = { person, title: np.title, qualifiers: np.qualifiers };
  if (np.affiliation) fact.affiliation = np.affiliation;
  return fact;
}

/** Extracts roles and appositive descriptions of people in one document (shared with `role-mentions.ts`). */
export class TitleFinder {
  readonly starts = new Map<string, Mention>();
  readonly ends = new Map<string, Mention>();
  readonly lex: Lexicon;
  constructor(lex: Lexicon, mentions: readonly Mention[]) {
    this.lex = lex;
    for (const m of mentions) {
      if (!AFFILIABLE.has(m.kind)) continue;
      this.starts.set(`${m.sentence}:${m.tokenStart}`, m);
      this.ends.set(`${m.sentence}:${m.tokenEnd}`, m);
    }
  }

  /** Longest title starting at token i, with a "deputy"/"vice" prefix folded in. */
  roleAt(words: string[], tokens: Token[], i: number): { title: string; end: number } | undefined {
    for (let n = Math.min(this.lex.maxRoleTokens, words.length - i); n >= 1; n--) {
      const title = this.lex.roles.get(lexKey(words.slice(i, i + n)));
      // "India's premier private domestic carrier": the adjective, not a head of government.
      if (title && words[i + n - 1] === 'premier' && PREMIER_ADJECTIVE_NEXT.has(words[i + n] ?? '')) continue;
      if (title) return { title, end: i + n };
    }
    const hyphen = /^(co|vice|deputy|ex)-(.+)$/.exec(words[i] ?? '');
    const bare = hyphen?.[2] ? this.lex.roles.get(hyphen[2]) : undefined;
    if (hyphen?.[1] && bare) {
      if (hyphen[1] === 'ex') return { title: bare, end: i + 1 };
      const cap = /^\p{Lu}/u.test(bare) ? hyphen[1][0]?.toUpperCase() + hyphen[1].slice(1) : hyphen[1];
      return { title: `${cap}${hyphen[1] === 'co' ? '-' : ' '}${bare}`, end: i + 1 };
    }
    if (ROLE_PREFIXES.has(words[i] ?? '') && i + 1 < words.length) {
      const inner = this.roleAt(words, tokens, i + 1);
      if (!inner) return undefined;
      const prefix = words[i] as string;
      const cap = /^\p{Lu}/u.test(inner.title) ? prefix[0]?.toUpperCase() + prefix.slice(1) : prefix;
      return { title: `${cap} ${inner.title}`, end: inner.end };
    }
    return undefined;
  }

  /** "[the] [Syria’s|Iraqi] [interim] Foreign Minister [of X]" starting at token i. */
  parseNP(si: number, words: string[], tokens: Token[], i: number): RoleNP | undefined {
    const qualifiers: string[] = [];
    let affiliation: Mention | undefined;
    if (DETERMINERS.has(words[i] ?? '')) i += 1;
    while (ROLE_QUALIFIERS.has(words[i] ?? '')) qualifiers.push(words[i++] as string);
    const owner = this.starts.get(`${si}:${i}`);
    if (owner) {
      affiliation = owner;
      i = owner.tokenEnd;
      if (POSSESSIVES.has(words[i] ?? '')) i += 1;
    }
    while (ROLE_QUALIFIERS.has(words[i] ?? '')) qualifiers.push(words[i++] as string);
    if (QUOTES.has(words[i] ?? '')) i += 1;
    const role = this.roleAt(words, tokens, i);
    if (!role) return undefined;
    i = role.end;
    if (QUOTES.has(words[i] ?? '')) i += 1;
    if (words[i] === 'of') {
      const j = DETERMINERS.has(words[i + 1] ?? '') ? i + 2 : i + 1;
      const of = this.starts.get(`${si}:${j}`);
      if (of && of.kind !== 'nationality') {
        affiliation ??= of;
        i = of.tokenEnd;
      }
    }
    return affiliation
      ? { title: role.title, qualifiers, affiliation, end: i }
      : { title: role.title, qualifiers, end: i };
  }

  /** Title written right before the name: "former US President Donald Trump", "IS leader Abu Khadija". */
  prefixed(p: Mention, words: string[], tokens: Token[]): RoleFact | undefined {
    let end = p.tokenStart;
    if (HONORIFICS.has(words[end - 1] ?? '')) end -= 1;
    for (let n = Math.min(this.lex.maxRoleTokens + 1, end); n >= 1; n--) {
      const role = this.roleAt(words, tokens, end - n);
      if (!role || role.end !== end) continue;
      // "market leader Diageo", "major non-Opec producers": a lower-case title before a name is only trusted
      // for names the tagger calls persons, and never for ranks that double as adjectives.
      const capital = /^\p{Lu}/u.test(tokens[end - n]?.text ?? '');
      if (!capital && (p.kind !== 'person' || RANKS.has(role.title))) continue;
      const qualifiers: string[] = [];
      let affiliation: Mention | undefined;
      let t = end - n - 1;
      for (let steps = 0; steps < 5 && t >= 0; steps++) {
        const w = words[t] as string;
        if (ROLE_QUALIFIERS.has(w)) {
          qualifiers.unshift(w);
          t -= 1;
          continue;
        }
        const owner = this.ends.get(`${p.sentence}:${POSSESSIVES.has(w) ? t : t + 1}`);
        if (owner && !affiliation) {
          affiliation = owner;
          t = owner.tokenStart - 1;
          continue;
        }
        break;
      }
      if (/^ex-/.test(words[end - n] ?? '')) qualifiers.push('former');
      const fact: RoleFact = { person: p, title: role.title, qualifiers };
      if (affiliation) fact.affiliation = affiliation;
      return fact;
    }
    return undefined;
  }
}

/**
 * Roles and titles of people ("Iraqi Prime Minister Mohammed Shia al-Sudani" -> Prime Minister of Iraq) and
 * appositive descriptions that corefer with them ("The head of the Islamic State in Iraq and Syria, Abdallah
 * Maki Mosleh al-Rifai", "al-Rifai, the Islamic State’s deputy caliph", "al-Rifai as ISIS’s “deputy caliph”").
 * Descriptions become `nominal` mentions linked to the person. An organisation or MISC span the tagger alone
 * produced is retyped as a person when the text gives it a title or description.
 */
export function findTitles(
  doc: Doc,
  mentions: readonly Mention[],
  lex: Lexicon,
): { roles: RoleFact[]; links: AliasLink[]; added: Mention[] } {
  const finder = new TitleFinder(lex, mentions);
  const roles: RoleFact[] = [];
  const links: AliasLink[] = [];
  const added: Mention[] = [];
  const addNominal = (p: Mention, a: number, b: number): void => {
    const m = mentionAt(doc, p.sentence, a, b, 'person', 'nominal');
    if (!m) return;
    added.push(m);
    links.push({ of: p, alias: m });
  };
  for (const p of mentions) {
    if (!isPersonCandidate(p)) continue;
    const before = roles.length;
    const nominalsBefore = added.length;
    const tokens = doc.sentences[p.sentence]?.tokens ?? [];
    const words = tokens.map((t) => t.text.toLowerCase());
    const pre = finder.prefixed(p, words, tokens);
    if (pre) roles.push(pre);
    // Postposed apposition or predicate: "X, the Islamic State’s deputy caliph," / "X as ISIS’s “deputy caliph”".
    const after = p.tokenEnd;
    // "X as <role>" for persons, or after a naming verb ("describing al-Rifai as ..."): "in New Labour as the
    // head of ..." is not a title of New Labour.
    const asRole =
      words[after] === 'as' && (p.kind === 'person' || NAMING_VERBS.has(words[p.tokenStart - 1] ?? ''));
    if (words[after] === ',' || asRole) {
      const np = finder.parseNP(p.sentence, words, tokens, after + 1);
      const end = np ? appositionEnd(words, np.end) : undefined;
      if (np && (words[after] === 'as' || end !== undefined)) {
        if (words[after] === ',' && end !== undefined) np.end = end;
        roles.push(toFact(p, np));
        if (words[after] === ',') addNominal(p, after + 1, np.end);
      }
    }
    // Preposed apposition: "The head of the Islamic State in Iraq and Syria, X".
    const comma = p.tokenStart - 1;
    if (words[comma] !== ',') {
      if (p.kind !== 'person' && (roles.length > before || added.length > nominalsBefore)) p.kind = 'person';
      continue;
    }
    for (let k = comma - 1; k >= Math.max(0, comma - MAX_PREPOSED); k--) {
      if (k > 0 && !DETERMINERS.has(words[k] ?? '')) continue;
      const np = finder.parseNP(p.sentence, words, tokens, k);
      if (!np || np.end > comma) continue;
      // One bare title word opening the sentence is as likely a name in a list ("Queen, Muse, Manic Street
      // Preachers") as a description; it is taken only when the person then speaks ("Director, David
      // Caldwell, said"). With more words, an affiliation or a qualifier it is a description.
      if (
        k === 0 &&
        comma === 1 &&
        !np.affiliation &&
        np.qualifiers.length === 0 &&
        !speaksNext(words, p.tokenEnd)
      )
        continue;
      let ok = true;
      for (let t = np.end; t < comma && ok; t++) {
        ok =
          PP_WORDS.has(words[t] ?? '') ||
          finder.starts.has(`${p.sentence}:${t}`) ||
          /^\p{Lu}/u.test(tokens[t]?.text ?? '');
      }
      if (!ok) continue;
      roles.push(toFact(p, np));
      addNominal(p, k, comma);
      break;
    }
    // A title or description is evidence of a person, whatever the tagger said.
    if (p.kind !== 'person' && (roles.length > before || added.length > nominalsBefore)) p.kind = 'person';
  }
  return { roles, links, added };
}
