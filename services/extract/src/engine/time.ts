import * as chrono from 'chrono-node';
import { fromChrono, leadLength, type ResolvedTime, referenceFrom } from './time-normalize.ts';

export type { Granularity, PartOfDay, ResolvedTime, TimeRelation } from './time-normalize.ts';

/** A time expression found in a text, with its offsets (end-exclusive) and normalised value. */
export interface TimeMention {
  start: number;
  end: number;
  text: string;
  time: ResolvedTime;
}

/**
 * chrono's casual English parser plus one rule it lacks: a bare year after a preposition ("in 2022",
 * "since 2014"). Built once; chrono parsers hold no per-call state.
 */
function createChrono(): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers.push({
    pattern: () =>
      /\b(?:in|since|by|until|before|after|during|from|of)\s+((?:19|20)\d{2})(?![\d%]|[.,:]\d|-\w|\s*(?:people|troops|soldiers|percent|km|miles)\b)/i,
    extract: (_ctx, match) => ({ year: Number(match[1]) }),
  });
  return c;
}
const parser = createChrono();

const TRAILING_PUNCT_RE = /[\s,;:.)]+$/;

/** Words chrono reads as dates that, alone, are almost always something else in news text. */
const NOISE_RE =
  /^(?:now|may|march|sun|sat|wed|second|a second|one|this|the|mon|fri|x|sec|min|morning|afternoon|evening|night|noon|midnight)$/i;

/** Durations ("the past 50 years") and offsets from another event ("six weeks after") are not dates. */
const DURATION_RE =
  /^(?:the\s+)?(?:past|last|next|previous|coming|first|final)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+\w+|\b(?:after|before|earlier)$/i;
const MONTH_ONLY_RE =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const MONTH_PREP_RE =
  /\b(?:in|since|by|until|till|from|during|of|last|next|this|early|late|mid|end|before|after|through)\s+$/i;

function keep(r: chrono.ParsedResult, text: string): boolean {
  const lead = leadLength(r.text);
  const t = r.text.slice(lead).replace(TRAILING_PUNCT_RE, '').trim();
  if (NOISE_RE.test(t) || DURATION_RE.test(t)) return false;
  // A bare month name counts only after a preposition: "in May", not "Theresa May" or "may".
  if (MONTH_ONLY_RE.test(t))
    return lead > 0 || MONTH_PREP_RE.test(text.slice(Math.max(0, r.index - 12), r.index));
  return true;
}

/**
 * Resolve one time expression ("Thursday night", "on Friday", "by September 2025") against the publication
 * date. `sentence` is the sentence the expression occurs in: it supplies "by"/"since" when the expression was
 * passed without them, and its tense decides whether a bare weekday lies before or after publication (news
 * default: the most recent one). Returns null when nothing in the expression is a time.
 */
export function resolveTime(expression: string, sentence = '', publishedAt?: string): ResolvedTime | null {
  const ref = referenceFrom(publishedAt);
  const results = parser.parse(expression, ref ?? new Date(0));
  const r = results.find((x) => keep(x, expression));
  if (!r) return null;
  let context = expression.slice(0, r.index);
  if (context.trim() === '' && sentence) {
    const at = sentence.indexOf(expression);
    if (at > 0) context = sentence.slice(0, at);
  }
  return fromChrono(r, context, sentence || expression, ref);
}

/**
 * Find and resolve every time expression in `text`. `sentenceBounds` (sorted [start, end) pairs) lets tense and
 * "by"/"since" be read within the expression's own sentence; without it the whole text is the context.
 */
export function findTimes(
  text: string,
  publishedAt?: string,
  sentenceBounds?: [number, number][],
): TimeMention[] {
  const ref = referenceFrom(publishedAt);
  const out: TimeMention[] = [];
  let si = 0;
  for (const r of parser.parse(text, ref ?? new Date(0))) {
    if (!keep(r, text)) continue;
    const lead = leadLength(r.text);
    const start = r.index + lead;
    const end = r.index + r.text.replace(TRAILING_PUNCT_RE, '').length;
    let sStart = 0;
    let sEnd = text.length;
    if (sentenceBounds) {
      while (si + 1 < sentenceBounds.length && (sentenceBounds[si + 1]?.[0] ?? Infinity) <= start) si += 1;
      [sStart, sEnd] = sentenceBounds[si] ?? [0, text.length];
    }
    const time = fromChrono(r, text.slice(sStart, r.index), text.slice(sStart, sEnd), ref);
    out.push({ start, end, text: text.slice(start, end), time });
  }
  return out;
}

/**
 * `resolveTime` in the shape the event extractor's `TimeResolver` takes: (expression, reference) -> a value,
 * or undefined when the expression cannot be resolved to one.
 */
export function resolveTimeValue(
  expression: string,
  reference: string,
  sentence = '',
): (ResolvedTime & { value: string }) | undefined {
  const r = resolveTime(expression, sentence, reference);
  return r?.value ? { ...r, value: r.value } : undefined;
}
