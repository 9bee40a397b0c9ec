/**
 * A sentence prepared for the event rules: lower-cased tokens and, per token, the entity mention covering it
 * (the longest one when mentions nest).
 */
import type { Doc, EntityKind, Sentence, Token } from '../types.ts';
import type { EventEntityInput } from './types.ts';

/** An entity mention located on sentence tokens [a, b). */
export interface TokenMention {
  key: string;
  kind?: EntityKind;
  a: number;
  b: number;
}

export interface SentenceView {
  doc: Doc;
  sentence: Sentence;
  si: number;
  toks: readonly Token[];
  lw: readonly string[];
  raw: readonly string[];
  /** Mention covering each token, if any. */
  mentionAt: readonly (TokenMention | undefined)[];
}

/**
 * The part-of-speech tag of token `k` (undefined without a tagger). Tags are read through here because the
 * engine tags a sentence on first use (`Doc.ensurePos`).
 */
export function posAt(v: SentenceView, k: number): string | undefined {
  v.doc.ensurePos?.(v.si);
  return v.toks[k]?.pos;
}

/** Token index whose span contains `offset` (or the first token starting after it), by binary search. */
function tokenIndexAt(toks: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lower-cased token; "US" (the country) must not read as the pronoun "us". */
function lower(t: string): string {
  if (t === 'US') return 'u.s.';
  const l = t.toLowerCase();
  return l.includes('’') ? l.replaceAll('’', "'") : l;
}

/** Build one view per sentence, placing every entity mention on its tokens. */
export function buildViews(doc: Doc, entities: readonly EventEntityInput[]): SentenceView[] {
  const views: SentenceView[] = doc.sentences.map((sentence, si) => {
    const toks = sentence.tokens;
    const raw = toks.map((t) => t.text);
    return {
      doc,
      sentence,
      si,
      toks,
      raw,
      lw: raw.map(lower),
      mentionAt: new Array<TokenMention | undefined>(toks.length).fill(undefined),
    };
  });
  for (const e of entities) {
    for (const m of e.mentions) {
      const v = views[m.sentence];
      if (!v || v.toks.length === 0) continue;
      const a = tokenIndexAt(v.toks, m.start);
      let b = tokenIndexAt(v.toks, m.end - 1) + 1;
      b = Math.min(b, v.toks.length);
      if (a >= b) continue;
      const tm: TokenMention = e.kind ? { key: e.key, kind: e.kind, a, b } : { key: e.key, a, b };
      const cover = v.mentionAt as (TokenMention | undefined)[];
      for (let t = a; t < b; t++) {
        const cur = cover[t];
        if (!cur || cur.b - cur.a < b - a) cover[t] = tm;
      }
    }
  }
  return views;
}
