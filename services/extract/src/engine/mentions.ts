import { compositeOrganizations } from './composite-orgs.ts';
import { dateMentions } from './dates.ts';
import { type Lexicon, RANKS } from './lexicon/index.ts';
import { recoverFromLexicon, retypeWithLexicon } from './lexicon-spans.ts';
import { byPosition, type Mention, mentionAt } from './mention.ts';
import type { TimeMention } from './time.ts';
import type { Doc, MentionSpan } from './types.ts';

function overlaps(a: Mention, b: Mention): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keep `base` mentions that overlap none of `winners`, then add the winners. */
function replaceOverlapped(base: Mention[], winners: Mention[]): Mention[] {
  if (winners.length === 0) return base;
  const kept = base.filter((m) => !winners.some((w) => w.sentence === m.sentence && overlaps(w, m)));
  return [...kept, ...winners].sort(byPosition);
}

const PARTICLE_RE = /^(?:al|el|ad|as|ash|bin|ibn|bint|ben|abu|abou)-\p{Lu}/u;

/**
 * Re-join person names the tagger cut at an Arabic article: "Mohammed Shia" (PER) + "al-Sudani" (MISC or
 * untagged) -> one person "Mohammed Shia al-Sudani".
 */
function joinNameParts(doc: Doc, ms: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i] as Mention;
    const tokens = doc.sentences[m.sentence]?.tokens ?? [];
    const nextTok = tokens[m.tokenEnd];
    if (m.kind !== 'person' || !nextTok || nextTok.start - m.end > 1 || !PARTICLE_RE.test(nextTok.text)) {
      out.push(m);
      continue;
    }
    const next = ms[i + 1];
    const absorb =
      next &&
      next.sentence === m.sentence &&
      next.tokenStart === m.tokenEnd &&
      next.source === 'tagger' &&
      !next.canonical;
    const end = absorb ? next.tokenEnd : m.tokenEnd + 1;
    out.push(mentionAt(doc, m.sentence, m.tokenStart, end, 'person', m.source) ?? m);
    if (absorb) i += 1;
  }
  return out;
}

/** Words of a company's line of business that follow "General" in its name ("General Electric"). */
const BUSINESS_WORDS = new Set(
  'electric motors dynamics mills foods atomics instruments insurance accident electronics'.split(' '),
);

/**
 * A capitalised military rank right before an organisation-tagged span, or before one word of a line of business
 * that the tagger took for a name, is the first word of a company's name, not a title: "General Electric",
 * "General Dynamics", "Admiral Insurance". Before a person it stays a title ("General Petraeus").
 */
function absorbRankPrefix(doc: Doc, ms: Mention[]): Mention[] {
  return ms.map((m) => {
    if (m.source !== 'tagger' || m.tokenStart === 0) return m;
    const business = m.tokenEnd - m.tokenStart === 1 && BUSINESS_WORDS.has(m.text.toLowerCase());
    if (m.kind !== 'organization' && m.kind !== 'misc' && !business) return m;
    const rank = doc.sentences[m.sentence]?.tokens[m.tokenStart - 1];
    if (!rank || !RANKS.has(rank.text) || m.start - rank.end > 1) return m;
    return mentionAt(doc, m.sentence, m.tokenStart - 1, m.tokenEnd, 'organization', m.source) ?? m;
  });
}

/**
 * All named and date mentions of a document, from the tagger's spans: lexicon type correction, lower-case
 * national bodies and coalitions, lexicon matches the tagger missed, and chrono-node dates (which give way to
 * named mentions they overlap, except `misc`).
 */
export function collectMentions(
  doc: Doc,
  tagged: readonly MentionSpan[],
  lex: Lexicon,
  times?: readonly TimeMention[],
): Mention[] {
  let ms = retypeWithLexicon(
    doc,
    tagged.map((s): Mention => ({ ...s, source: 'tagger' })),
    lex,
  ).sort(byPosition);
  ms = absorbRankPrefix(doc, joinNameParts(doc, ms));
  ms = [...ms, ...recoverFromLexicon(doc, ms, lex)].sort(byPosition);
  ms = replaceOverlapped(ms, compositeOrganizations(doc, ms, lex));
  const dates = dateMentions(doc, times).filter(
    (d) => !ms.some((m) => m.kind !== 'misc' && m.sentence === d.sentence && overlaps(m, d)),
  );
  return replaceOverlapped(ms, dates);
}
