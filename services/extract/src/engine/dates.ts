import type { Mention } from './mention.ts';
import { findTimes, type TimeMention } from './time.ts';
import type { Doc, Sentence } from './types.ts';

/** Index of the first token of `s` ending after `offset`. Binary search. */
function tokenAtOrAfter(s: Sentence, offset: number): number {
  let lo = 0;
  let hi = s.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s.tokens[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Date and time mentions found by chrono-node, resolved against the publication date, snapped to whole tokens.
 * Expressions that cross a sentence boundary are dropped. `times` are `findTimes` results already computed.
 */
export function dateMentions(doc: Doc, times?: readonly TimeMention[]): Mention[] {
  const bounds = doc.sentences.map((s): [number, number] => [s.start, s.end]);
  const out: Mention[] = [];
  let si = 0;
  for (const t of times ?? findTimes(doc.text, doc.publishedAt, bounds)) {
    while (si + 1 < doc.sentences.length && (doc.sentences[si]?.end ?? 0) <= t.start) si += 1;
    const s = doc.sentences[si];
    if (!s || t.end > s.end || t.start < s.start) continue;
    const a = tokenAtOrAfter(s, t.start);
    const b = tokenAtOrAfter(s, t.end - 1) + 1;
    const first = s.tokens[a];
    const last = s.tokens[b - 1];
    if (!first || !last) continue;
    out.push({
      kind: 'date',
      source: 'time',
      start: first.start,
      end: last.end,
      text: doc.text.slice(first.start, last.end),
      sentence: si,
      tokenStart: a,
      tokenEnd: b,
      time: t.time,
    });
  }
  return out;
}
