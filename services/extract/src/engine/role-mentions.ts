import { type Lexicon, RANKS, ROLE_QUALIFIERS } from './lexicon/index.ts';
import { type Mention, mentionAt } from './mention.ts';
import { TitleFinder } from './titles.ts';
import type { Doc } from './types.ts';

/** A role holder the text names only by the role: "Syria’s foreign minister", "the Iraqi prime minister". */
export interface UnnamedRole {
  mention: Mention;
  title: string;
  qualifiers: string[];
  affiliation: Mention;
  /** Attach only to a named holder; never make a person of its own (lower-case titles: "the leader of ISIS"). */
  attachOnly?: boolean;
}

const POSSESSIVES = new Set(["'s", '’s']);
/** Titles too general to identify one person even with an affiliation ("Iraq's minister"). */
const GENERIC = new Set([
  'Minister',
  'Secretary',
  'Director',
  'Chairman',
  'Chief Executive',
  'Commander',
  'Sheikh',
]);
const UPPER_RE = /^\p{Lu}/u;

/** `sentence:token` keys of every token inside a person mention: role phrases never start there. */
export function personTokenKeys(mentions: readonly Mention[]): Set<string> {
  const taken = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    for (let t = m.tokenStart; t < m.tokenEnd; t++) taken.add(`${m.sentence}:${t}`);
  }
  return taken;
}

/**
 * Find role phrases with a stated affiliation that are not followed by a name: "[the] Syria’s [interim]
 * foreign minister", "the Iraqi prime minister". Only specific titles count (capitalised in the role lexicon,
 * not "minister" alone). Tokens already inside a person or nominal mention are skipped.
 */
export function findUnnamedRoles(doc: Doc, mentions: readonly Mention[], lex: Lexicon): UnnamedRole[] {
  const finder = new TitleFinder(lex, mentions);
  const taken = personTokenKeys(mentions);
  const out: UnnamedRole[] = [];
  doc.sentences.forEach((sentence, si) => {
    const tokens = sentence.tokens;
    const words = tokens.map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const owner = finder.starts.get(`${si}:${i}`);
      if (!owner || taken.has(`${si}:${i}`)) continue;
      let j = owner.tokenEnd;
      if (POSSESSIVES.has(words[j] ?? '')) j += 1;
      else if (owner.kind !== 'nationality' && owner.kind !== 'location') continue;
      const qualifiers: string[] = [];
      while (ROLE_QUALIFIERS.has(words[j] ?? '')) qualifiers.push(words[j++] as string);
      const role = finder.roleAt(words, tokens, j);
      if (!role || !UPPER_RE.test(role.title) || GENERIC.has(role.title)) continue;
      if (RANKS.has(role.title) && !UPPER_RE.test(tokens[j]?.text ?? '')) continue;
      const next = tokens[role.end];
      if (next && (UPPER_RE.test(next.text) || taken.has(`${si}:${role.end}`))) continue;
      let clash = false;
      for (let t = i; t < role.end; t++) clash ||= taken.has(`${si}:${t}`);
      if (clash) continue;
      const start = words[i - 1] === 'the' ? i - 1 : i;
      const mention = mentionAt(doc, si, start, role.end, 'person', 'nominal');
      if (mention) out.push({ mention, title: role.title, qualifiers, affiliation: owner });
      i = role.end - 1;
    }
  });
  return out;
}
