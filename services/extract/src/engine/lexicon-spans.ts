import { type Lexicon, lexKey } from './lexicon/index.ts';
import { coverage, type Mention, mentionAt } from './mention.ts';
import type { Doc } from './types.ts';

/** Tokens after a place name that belong to it ("Anbar province"). */
const PLACE_SUFFIXES = new Set([
  'province',
  'governorate',
  'region',
  'district',
  'county',
  'state',
  'oblast',
]);
/** Tagger spans such as "U.S.-led" or "Iran-backed" are modifiers, not entities. */
const MODIFIER_RE = /-(?:led|backed|based|born|allied|linked|affiliated|sponsored|run|controlled|held)$/i;
const ALL_CAPS_RE = /^[^\p{Ll}]*$/u;
const UPPER_START_RE = /^\p{Lu}/u;

/** "Iraq-Syria" (relations), "US-Iran" (talks): a hyphenated pair of known names is a modifier, not a place. */
function isCompoundOfKnown(text: string, lex: Lexicon): boolean {
  if (/\s/.test(text) || !text.includes('-')) return false;
  const parts = text.split('-');
  return parts.length > 1 && parts.every((p) => lex.entries.get(p)?.kind === 'location');
}

function tokenTexts(doc: Doc, m: { sentence: number; tokenStart: number; tokenEnd: number }): string[] {
  return (doc.sentences[m.sentence]?.tokens ?? []).slice(m.tokenStart, m.tokenEnd).map((t) => t.text);
}

/**
 * Correct the tagger's types with the lexicons: demonyms become `nationality` linked to their country, known
 * countries and places become `location`, known organisations `organization` with their canonical name; place
 * names absorb a following "province"/"region"; modifier spans ("U.S.-led", "Iraq-Syria") are dropped.
 */
export function retypeWithLexicon(doc: Doc, spans: readonly Mention[], lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const span of spans) {
    if (MODIFIER_RE.test(span.text) || isCompoundOfKnown(span.text, lex)) continue;
    let m = span;
    const next = doc.sentences[m.sentence]?.tokens[m.tokenEnd];
    if (m.kind === 'location' && next && PLACE_SUFFIXES.has(next.text)) {
      m = mentionAt(doc, m.sentence, m.tokenStart, m.tokenEnd + 1, 'location', m.source) ?? m;
    }
    const entry = lex.entries.get(lexKey(tokenTexts(doc, m)));
    if (entry) {
      const extra: Partial<Mention> = { canonical: entry.name, confirmed: true };
      if (entry.country) extra.country = entry.country;
      if (entry.isCountry) extra.isCountry = true;
      m = { ...m, ...extra, kind: entry.kind };
    }
    out.push(m);
  }
  return out;
}

/**
 * Add lexicon matches the tagger missed: exact-case country, place, organisation and demonym forms over
 * uncovered tokens, longest first. Nothing is matched in all-capitals sentences (headlines, shouted quotes),
 * where "IS" or "US" are ordinary words.
 */
export function recoverFromLexicon(doc: Doc, mentions: readonly Mention[], lex: Lexicon): Mention[] {
  const cov = coverage(doc, mentions);
  const added: Mention[] = [];
  doc.sentences.forEach((sentence, si) => {
    const toks = sentence.tokens;
    if (ALL_CAPS_RE.test(toks.map((t) => t.text).join(''))) return;
    const row = cov[si] as Int32Array;
    for (let i = 0; i < toks.length; i++) {
      const first = toks[i]?.text ?? '';
      if (row[i] !== -1 || !UPPER_START_RE.test(first) || !lex.firstTokens.has(first.replace(/’/g, "'")))
        continue;
      for (let n = Math.min(lex.maxTokens, toks.length - i); n >= 1; n--) {
        let free = true;
        for (let k = i; k < i + n; k++) if (row[k] !== -1) free = false;
        if (!free) continue;
        const entry = lex.entries.get(lexKey(toks.slice(i, i + n).map((t) => t.text)));
        if (!entry) continue;
        const extra: Partial<Mention> = { canonical: entry.name };
        if (entry.country) extra.country = entry.country;
        if (entry.isCountry) extra.isCountry = true;
        const m = mentionAt(doc, si, i, i + n, entry.kind, 'lexicon', extra);
        if (m) added.push(m);
        i += n - 1;
        break;
      }
    }
  });
  return added;
}
