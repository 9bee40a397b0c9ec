import type { ResolvedTime } from './time.ts';
import type { Doc, EntityKind, MentionSpan } from './types.ts';

/** Where a mention came from; it sets the mention's weight in confidence. */
export type MentionSource = 'tagger' | 'lexicon' | 'rule' | 'time' | 'alias' | 'nominal';

/** A mention inside the entity stage: a span plus what the lexicons and rules learnt about it. */
export interface Mention extends MentionSpan {
  source: MentionSource;
  /** Canonical name from a lexicon ("ISIS" -> "Islamic State", "Iraqi" -> "Iraqi"). */
  canonical?: string;
  /** Grouping key from a rule, for mentions whose surface forms differ ("iraq|intelligence service"). */
  ruleKey?: string;
  /** Country of a place, demonym or national body. */
  country?: string;
  isCountry?: boolean;
  /** Normalised value of a date mention. */
  time?: ResolvedTime;
  /** The text states this mention as another name of an entity ("also known as ..."). */
  isAlias?: boolean;
  /** The tagger agreed with a lexicon or rule on this span. */
  confirmed?: boolean;
}

/** Build a mention over tokens [a, b) of sentence `si`. */
export function mentionAt(
  doc: Doc,
  si: number,
  a: number,
  b: number,
  kind: EntityKind,
  source: MentionSource,
  extra: Partial<Mention> = {},
): Mention | undefined {
  const tokens = doc.sentences[si]?.tokens;
  const first = tokens?.[a];
  const last = tokens?.[b - 1];
  if (!first || !last || a >= b) return undefined;
  return {
    ...extra,
    kind,
    source,
    start: first.start,
    end: last.end,
    text: doc.text.slice(first.start, last.end),
    sentence: si,
    tokenStart: a,
    tokenEnd: b,
  };
}

/** Per-sentence token coverage: which mention (index) covers each token, -1 for none. */
export function coverage(doc: Doc, mentions: readonly Mention[]): Int32Array[] {
  const cov = doc.sentences.map((s) => new Int32Array(s.tokens.length).fill(-1));
  mentions.forEach((m, i) => {
    const row = cov[m.sentence];
    if (row) for (let t = m.tokenStart; t < m.tokenEnd; t++) row[t] = i;
  });
  return cov;
}

/** Order mentions by position, longest first at equal starts. */
export function byPosition(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end;
}
