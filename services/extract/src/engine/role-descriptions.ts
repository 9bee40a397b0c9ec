import { type Lexicon, RANKS, ROLE_QUALIFIERS } from './lexicon/index.ts';
import { type Mention, mentionAt } from './mention.ts';
import { personTokenKeys, type UnnamedRole } from './role-mentions.ts';
import { TitleFinder } from './titles.ts';
import type { Doc } from './types.ts';

/** Descriptive words allowed between "the" and the title ("the fugitive leader", "the slain founder"). */
const MAX_MODIFIERS = 2;
const MODIFIER_RE = /^\p{Ll}[\p{Ll}-]*$/u;
/** Part-of-speech tags a modifier may carry when the text is tagged (adjectives, participles, nouns). */
const MODIFIER_TAGS = new Set(['JJ', 'JJR', 'JJS', 'VBN', 'VBD', 'VBG', 'NN']);
const OF_BODIES = new Set(['organization', 'misc', 'location']);
const DETERMINERS = new Set(['the', 'a', 'an']);
const POSSESSIVES = new Set(["'s", '’s', "'", '’']);
const UPPER_RE = /^\p{Lu}/u;

/**
 * True when every modifier in tokens [from, to), other than a role qualifier, is tagged as an adjective,
 * participle or noun (or the text is untagged). Checked only once a title follows them, so that sentences without
 * one are never tagged for it.
 */
function modifiersTagged(doc: Doc, si: number, words: readonly string[], from: number, to: number): boolean {
  if (from === to) return true;
  doc.ensurePos?.(si);
  const tokens = doc.sentences[si]?.tokens ?? [];
  for (let k = from; k < to; k++) {
    const tag = tokens[k]?.pos;
    if (!ROLE_QUALIFIERS.has(words[k] ?? '') && tag && !MODIFIER_TAGS.has(tag)) return false;
  }
  return true;
}

/**
 * Find definite role descriptions naming the body after the title: "the [fugitive] leader of ISIS [in Iraq]",
 * "the former head of the Islamic State". The title may be lower case, so these only ever attach to the one
 * named holder of the same role (`attachOnly`); they never make a person of their own. Tokens inside a person
 * or nominal mention are skipped, and so are descriptions followed by a name ("the leader of ISIS Abu ...").
 */
export function findRoleDescriptions(doc: Doc, mentions: readonly Mention[], lex: Lexicon): UnnamedRole[] {
  const finder = new TitleFinder(lex, mentions);
  const taken = personTokenKeys(mentions);
  const out: UnnamedRole[] = [];
  doc.sentences.forEach((sentence, si) => {
    const tokens = sentence.tokens;
    const words = tokens.map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== 'the' || taken.has(`${si}:${i}`)) continue;
      let j = i + 1;
      const qualifiers: string[] = [];
      let role = finder.roleAt(words, tokens, j);
      for (let mods = 0; !role && mods < MAX_MODIFIERS; mods++) {
        const w = words[j] ?? '';
        if (ROLE_QUALIFIERS.has(w)) qualifiers.push(w);
        else if (!MODIFIER_RE.test(tokens[j]?.text ?? '')) break;
        j += 1;
        role = finder.roleAt(words, tokens, j);
      }
      if (!role || (RANKS.has(role.title) && !UPPER_RE.test(tokens[j]?.text ?? ''))) continue;
      if (!modifiersTagged(doc, si, words, i + 1, j)) continue;
      if (words[role.end] !== 'of') continue;
      let k = role.end + 1;
      if (DETERMINERS.has(words[k] ?? '')) k += 1;
      const body = finder.starts.get(`${si}:${k}`);
      if (!body || !OF_BODIES.has(body.kind)) continue;
      let end = body.tokenEnd;
      // An optional locative: "... of ISIS in Iraq [and Syria]".
      const place = words[end] === 'in' ? finder.starts.get(`${si}:${end + 1}`) : undefined;
      if (place?.kind === 'location') {
        end = place.tokenEnd;
        const more = words[end] === 'and' ? finder.starts.get(`${si}:${end + 1}`) : undefined;
        if (more?.kind === 'location') end = more.tokenEnd;
      }
      const next = tokens[end];
      if (
        next &&
        (UPPER_RE.test(next.text) || POSSESSIVES.has(words[end] ?? '') || taken.has(`${si}:${end}`))
      )
        continue;
      let clash = false;
      for (let t = i; t < end; t++) clash ||= taken.has(`${si}:${t}`);
      if (clash) continue;
      const mention = mentionAt(doc, si, i, end, 'person', 'nominal');
      if (mention) out.push({ mention, title: role.title, qualifiers, affiliation: body, attachOnly: true });
      i = end - 1;
    }
  });
  return out;
}
