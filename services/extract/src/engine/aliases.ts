import { coverage, type Mention, mentionAt } from './mention.ts';
import type { Doc, Token } from './types.ts';

/** An alias stated in the text: `alias` names the same entity as `of`. */
export interface AliasLink {
  of: Mention;
  alias: Mention;
}

/** Phrases that introduce an alias after a name, as lower-case token sequences. */
const AKA = [
  ['also', 'known', 'as'],
  ['better', 'known', 'as'],
  ['known', 'as'],
  ['a.k.a.'],
  ['aka'],
  ['alias'],
  ['dubbed'],
  ['nicknamed'],
  ['formerly'],
  ['formerly', 'known', 'as'],
];
const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«']);
const QUOTE_PAIRS = new Map([
  ['“', '”'],
  ['"', '"'],
  ['‘', '’'],
]);
const PAREN_PREFIXES = new Set(['formerly', 'previously', 'also', 'aka', 'a.k.a.', 'now']);
/** Lower-case name particles allowed inside an alias ("Abu Bakr al-Baghdadi", "bin Laden"). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'van', 'von', 'da', 'of', 'the']);
const MAX_ALIAS_TOKENS = 6;
const UPPER_RE = /^\p{Lu}/u;
const NAME_KINDS = new Set(['person', 'organization', 'misc']);

function isNameToken(text: string): boolean {
  return UPPER_RE.test(text) || PARTICLES.has(text.toLowerCase()) || /^(?:al|el|bin|abu)-/i.test(text);
}

/** Length of the longest run of name tokens starting at i (at most MAX_ALIAS_TOKENS), trimmed of particles. */
function nameRun(tokens: Token[], i: number): number {
  let n = 0;
  while (n < MAX_ALIAS_TOKENS && tokens[i + n] && isNameToken(tokens[i + n]?.text ?? '')) n += 1;
  while (n > 0 && !UPPER_RE.test(tokens[i + n - 1]?.text ?? '') && !/-/.test(tokens[i + n - 1]?.text ?? ''))
    n -= 1;
  return n > 0 && UPPER_RE.test(tokens[i]?.text ?? '') ? n : 0;
}

function matchAka(words: string[], i: number): number {
  let best = 0;
  for (const phrase of AKA) {
    if (phrase.every((w, k) => words[i + k] === w)) best = Math.max(best, phrase.length);
  }
  return best;
}

/**
 * Aliases the text states right after a name: "al-Rifai, also known as “Abu Khadija”", "a.k.a.", "dubbed",
 * a nickname in quotes right after a person's name (Abdallah al-Rifai “Abu Khadija”), and parentheses:
 * "Hayat Tahrir al-Sham (HTS)", "X (formerly Twitter)". The alias reuses an existing mention
 * over the same tokens or becomes a new mention of the name's kind.
 */
export function findAliases(
  doc: Doc,
  mentions: readonly Mention[],
): { links: AliasLink[]; added: Mention[] } {
  const cov = coverage(doc, mentions);
  const links: AliasLink[] = [];
  const added: Mention[] = [];
  for (const m of mentions) {
    if (!NAME_KINDS.has(m.kind)) continue;
    const tokens = doc.sentences[m.sentence]?.tokens ?? [];
    const words = tokens.map((t) => t.text.toLowerCase());
    let i = m.tokenEnd;
    let closer: string | undefined;
    if (words[i] === '(') {
      closer = ')';
      i += 1;
      if (PAREN_PREFIXES.has(words[i] ?? '')) i += matchAka(words, i) || 1;
    } else if (m.kind === 'person' && QUOTE_PAIRS.has(words[i] ?? '')) {
      // A nickname in quotes right after a name: Abdallah al-Rifai “Abu Khadija”.
      closer = QUOTE_PAIRS.get(words[i] ?? '');
    } else {
      if (words[i] === ',') i += 1;
      const aka = matchAka(words, i);
      if (aka === 0) continue;
      i += aka;
    }
    if (OPEN_QUOTES.has(words[i] ?? '')) i += 1;
    const n = nameRun(tokens, i);
    if (n === 0) continue;
    if (
      closer &&
      words[i + n] !== closer &&
      !(closer !== ')' && words[i + n] === ',' && words[i + n + 1] === closer)
    )
      continue;
    const row = cov[m.sentence] as Int32Array;
    const existing = mentions[row[i] ?? -1];
    let alias: Mention | undefined;
    if (existing && existing.tokenStart === i && existing.tokenEnd === i + n) alias = existing;
    else if (existing && existing.tokenStart <= i && existing.tokenEnd >= i + n) continue;
    else alias = mentionAt(doc, m.sentence, i, i + n, m.kind, 'alias');
    if (!alias || alias === m) continue;
    if (alias.kind === 'location' || alias.kind === 'date') continue;
    if (alias.source === 'alias') added.push(alias);
    else alias.isAlias = true;
    links.push({ of: m, alias });
  }
  return { links, added };
}
