import type * as chrono from 'chrono-node';

/** How precise a resolved time is ('instant': a clock time, to the minute). */
export type Granularity = 'instant' | 'part-of-day' | 'day' | 'week' | 'month' | 'year';
/** How an event relates to the expression's period: "by September 2025" is a deadline, "since 2014" a start. */
export type TimeRelation = 'on' | 'by' | 'before' | 'after' | 'since' | 'until';
export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** A time expression normalised to ISO 8601. */
export interface ResolvedTime {
  /** The expression as it was recognised ("Thursday night", "September 2025"). */
  text: string;
  /**
   * ISO 8601 value at the expression's granularity: "2025-03-13", "2025-03-13T22:30", "2025-09", "2025",
   * "2025-W11", or an interval "2025-03-03/2025-03-05". Absent when a relative expression has no reference date;
   * "XXXX-03-13" when the year is unknown.
   */
  value?: string;
  /** First and last day (inclusive, YYYY-MM-DD) of the period, when the value is known. */
  start?: string;
  end?: string;
  granularity: Granularity;
  partOfDay?: PartOfDay;
  relation: TimeRelation;
  /** True when the value depends on the reference (publication) date: weekdays, "today", "last week". */
  relative: boolean;
}

const FUTURE_RE =
  /\b(?:will|shall|plans? to|planning to|planned|scheduled|expected to|set to|due to|is due|are due|upcoming|to be held)\b/i;
const RELATION_RE = /\b(by|before|after|since|until|till|from)\s+(?:the\s+)?(?:end\s+of\s+)?$/i;
const PART_OF_DAY_RE = /\b(morning|afternoon|evening|night|overnight|tonight)\b/i;
const LEAD_RE = /^(?:on|at|in|during|since|by|until|before|after|from|of)\s+/i;
const PERIOD_RE = /\b(?:last|next|this|past|previous|coming)\s+(week|month|year)\b/i;
const OFFSET_RE = /(?:([+-])(\d{2}):?(\d{2})|Z)$/;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Length of a leading preposition ("on ", "in ", "by ") that chrono includes in some matches. */
export function leadLength(text: string): number {
  return LEAD_RE.exec(text)?.[0].length ?? 0;
}

/** Parse a publication date into a chrono reference (instant plus the article's own UTC offset). */
export function referenceFrom(publishedAt: string | undefined): chrono.ParsingReference | undefined {
  if (!publishedAt) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(publishedAt);
  const instant = new Date(dateOnly ? `${publishedAt}T12:00:00Z` : publishedAt);
  if (Number.isNaN(instant.getTime())) return undefined;
  const m = OFFSET_RE.exec(publishedAt);
  let timezone = 0;
  if (m?.[1]) timezone = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return { instant, timezone };
}

function partOfDay(text: string): PartOfDay | undefined {
  const m = PART_OF_DAY_RE.exec(text);
  if (!m?.[1]) return undefined;
  const w = m[1].toLowerCase();
  return w === 'overnight' || w === 'tonight' ? 'night' : (w as PartOfDay);
}

function isoWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDay() === 0) date.setUTCDate(date.getUTCDate() + 1);
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/** Shift a weekday-only date to the past (default for news) or the future, relative to the reference day. */
function orientWeekday(c: chrono.ParsedComponents, ref: chrono.ParsingReference, future: boolean): number[] {
  const y = c.get('year') ?? 0;
  const mo = c.get('month') ?? 1;
  const d = c.get('day') ?? 1;
  const refDay = Date.UTC(y, mo - 1, d);
  const instant = ref.instant ?? new Date(0);
  const offset = typeof ref.timezone === 'number' ? ref.timezone : 0;
  const local = new Date(instant.getTime() + offset * 60_000);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let t = refDay;
  if (!future && t > today) t -= 7 * 86_400_000;
  if (future && t < today) t += 7 * 86_400_000;
  const r = new Date(t);
  return [r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate()];
}

interface Shape {
  value?: string;
  start?: string;
  end?: string;
  granularity: Granularity;
}

function monthShape(y: number, m: number): Shape {
  return {
    value: `${pad(y, 4)}-${pad(m)}`,
    start: ymd(y, m, 1),
    end: ymd(y, m, daysInMonth(y, m)),
    granularity: 'month',
  };
}

function shapeOf(c: chrono.ParsedComponents, text: string, known: boolean, ymdOverride?: number[]): Shape {
  const [y, mo, d] = ymdOverride ?? [c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1];
  const yearKnown = known || c.isCertain('year');
  const yy = yearKnown ? pad(y as number, 4) : 'XXXX';
  const period = PERIOD_RE.exec(text)?.[1]?.toLowerCase();
  if (period === 'week' && yearKnown)
    return { value: isoWeek(y as number, mo as number, d as number), granularity: 'week' };
  if (period === 'month' && yearKnown) return monthShape(y as number, mo as number);
  if (period === 'year' && yearKnown)
    return { value: yy, start: `${yy}-01-01`, end: `${yy}-12-31`, granularity: 'year' };
  if (c.isCertain('hour')) {
    const day = `${yy}-${pad(mo as number)}-${pad(d as number)}`;
    const value = `${day}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    const g: Granularity = 'instant';
    return yearKnown ? { value, start: day, end: day, granularity: g } : { value, granularity: g };
  }
  if (c.isCertain('day') || c.isCertain('weekday')) {
    const value = `${yy}-${pad(mo as number)}-${pad(d as number)}`;
    const g: Granularity = partOfDay(text) ? 'part-of-day' : 'day';
    return yearKnown ? { value, start: value, end: value, granularity: g } : { value, granularity: g };
  }
  if (c.isCertain('month')) {
    return yearKnown
      ? monthShape(y as number, mo as number)
      : { value: `${yy}-${pad(mo as number)}`, granularity: 'month' };
  }
  return { value: yy, start: `${yy}-01-01`, end: `${yy}-12-31`, granularity: 'year' };
}

function relationOf(before: string): TimeRelation {
  const w = RELATION_RE.exec(before)?.[1]?.toLowerCase();
  if (!w) return 'on';
  if (w === 'till') return 'until';
  if (w === 'from') return 'since';
  return w as TimeRelation;
}

/** Whether a chrono result depends on the reference date (no explicit year, or a deictic word). */
function isRelative(r: chrono.ParsedResult): boolean {
  return (
    !r.start.isCertain('year') ||
    /\b(today|yesterday|tomorrow|tonight|ago|last|next|this|later|earlier)\b/i.test(r.text)
  );
}

/**
 * Convert one chrono result into a {@link ResolvedTime}. `context` is the text before the expression (for
 * "by"/"since") and `sentence` the whole sentence (tense decides whether a bare weekday is past or future).
 */
export function fromChrono(
  r: chrono.ParsedResult,
  context: string,
  sentence: string,
  ref: chrono.ParsingReference | undefined,
): ResolvedTime {
  const lead = leadLength(r.text);
  const text = r.text.slice(lead).replace(/[\s,;:)]+$/, '');
  const relative = isRelative(r);
  const pod = partOfDay(text);
  const base: Pick<ResolvedTime, 'text' | 'relation' | 'relative'> = {
    text,
    relation: relationOf(context + r.text.slice(0, lead)),
    relative,
  };
  const withPod = (s: Shape): ResolvedTime => (pod ? { ...base, ...s, partOfDay: pod } : { ...base, ...s });
  if (relative && !ref) {
    const s = shapeOf(r.start, text, false);
    const noValue: Shape = { granularity: s.granularity };
    if (!r.start.isCertain('weekday') && r.start.isCertain('month') && s.value) noValue.value = s.value;
    return withPod(noValue);
  }
  const weekdayOnly = r.start.isCertain('weekday') && !r.start.isCertain('day');
  const override = weekdayOnly && ref ? orientWeekday(r.start, ref, FUTURE_RE.test(sentence)) : undefined;
  const start = shapeOf(r.start, text, relative && !!ref, override);
  if (!r.end) return withPod(start);
  base.relation = 'on';
  const end = shapeOf(r.end, text, relative && !!ref);
  return withPod({
    value: `${start.value}/${end.value}`,
    ...(start.start ? { start: start.start } : {}),
    ...(end.end ? { end: end.end } : {}),
    granularity: start.granularity,
  });
}
