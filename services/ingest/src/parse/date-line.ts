/**
 * Date lines of plain-text articles: a line near the top that holds nothing but the publication date, as copied
 * from a web page ("May 3, 2013", "First Published: June 13, 2013 4:59 PM EDT", "Fri., May. 3, 2013 11:45 AM PDT",
 * "05/02/2013", "14 June 2013"). Anything else on the line (words of a sentence) means it is not a date line.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Offsets (hours) of the time zone abbreviations US and UK outlets print after a time. */
const ZONES: Readonly<Record<string, number>> = {
  utc: 0,
  gmt: 0,
  z: 0,
  bst: 1,
  cet: 1,
  cest: 2,
  et: -5,
  est: -5,
  edt: -4,
  ct: -6,
  cst: -6,
  cdt: -5,
  mt: -7,
  mst: -7,
  mdt: -6,
  pt: -8,
  pst: -8,
  pdt: -7,
};

/** Lines longer than this are prose, not a date line. */
const MAX_LINE_CHARS = 90;
/** How many of the first lines may hold the date line (after a URL, a title, a byline). */
export const DATE_LINE_SEARCH = 4;

const LABEL =
  /^(?:(?:first|originally|last)\s+)?(?:published|posted|updated|modified|date|dated|created)(?:\s+(?:on|at))?\s*:?\s*/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+/i;
const MONTH_NAME = '([a-z]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';
/** `May 3, 2013`, `May. 03 2013`. */
const MDY = new RegExp(`^${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}\\b`, 'i');
/** `14 June 2013`, `3rd May, 2013`. */
const DMY = new RegExp(`^${DAY}\\s+${MONTH_NAME},?\\s+${YEAR}\\b`, 'i');
/** `2013-05-03`. */
const ISO = /^((?:19|20)\d\d)-(\d\d)-(\d\d)\b/;
/** `05/03/2013`: month first (US order) unless the first number cannot be a month. */
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/;
/** `4:59 PM EDT`, `at 11:00 AM`, `2:00pm`, `10:20 a.m. ET`. */
const TIME = /^(?:at\s+)?(\d{1,2}):(\d\d)(?::\d\d)?\s*([ap])?\.?\s*(?:m\.?)?(?:\s+([a-z]{1,4}))?\b/i;

function monthIndex(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  // Only real month names and their usual abbreviations (not "Marching" or "Junk").
  if (i < 0) return -1;
  return /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i.test(
    name,
  )
    ? i
    : -1;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 0 && month < 12 && day >= 1 && day <= new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The date at the start of `s` (year, zero-based month, day) and how many characters it took. */
function readDate(s: string): { year: number; month: number; day: number; length: number } | null {
  const mdy = MDY.exec(s);
  if (mdy)
    return {
      year: Number(mdy[3]),
      month: monthIndex(mdy[1] as string),
      day: Number(mdy[2]),
      length: mdy[0].length,
    };
  const dmy = DMY.exec(s);
  if (dmy)
    return {
      year: Number(dmy[3]),
      month: monthIndex(dmy[2] as string),
      day: Number(dmy[1]),
      length: dmy[0].length,
    };
  const iso = ISO.exec(s);
  if (iso)
    return { year: Number(iso[1]), month: Number(iso[2]) - 1, day: Number(iso[3]), length: iso[0].length };
  const sl = SLASHED.exec(s);
  if (!sl) return null;
  const [a, b] = [Number(sl[1]), Number(sl[2])];
  return a > 12
    ? { year: Number(sl[3]), month: b - 1, day: a, length: sl[0].length }
    : { year: Number(sl[3]), month: a - 1, day: b, length: sl[0].length };
}

/**
 * The publication time a date line states, as an ISO 8601 UTC timestamp, or null when the line is not a date line.
 * A time with a known zone is converted to UTC; without one the date is taken at midnight UTC.
 */
export function parseDateLine(line: string): string | null {
  let rest = line
    .trim()
    .replace(/\s+/g, ' ')
    // Copies of web pages sometimes space out times and dates: `4: 59 PM`, `05 / 02 / 2013`.
    .replace(/(\d) ?: ?(\d)/g, '$1:$2')
    .replace(/(\d) ?\/ ?(\d)/g, '$1/$2');
  if (rest === '' || rest.length > MAX_LINE_CHARS) return null;
  rest = rest.replace(LABEL, '').replace(WEEKDAY, '');
  const found = readDate(rest);
  if (!found) return null;
  const { year, month, day } = found;
  if (!validDay(year, month, day)) return null;
  rest = rest
    .slice(found.length)
    .replace(/^[\s,|·•-]+/, '')
    .replace(/^at\s+/i, '');
  let ms = Date.UTC(year, month, day);
  const time = TIME.exec(rest);
  if (time) {
    let hour = Number(time[1]);
    const minute = Number(time[2]);
    const half = time[3]?.toLowerCase();
    if (half === 'p' && hour < 12) hour += 12;
    if (half === 'a' && hour === 12) hour = 0;
    const zone = time[4] ? ZONES[time[4].toLowerCase()] : undefined;
    if (hour < 24 && minute < 60 && zone !== undefined) ms += ((hour - zone) * 60 + minute) * 60_000;
    rest =
      time[4] && zone === undefined
        ? rest.slice(time[0].length - time[4].length)
        : rest.slice(time[0].length);
  }
  // Whatever is left must not be prose: a sentence that starts with a date ("May 3, 2013 was the day ...").
  if (/[\p{L}]{3,}/u.test(rest.replace(/\b(?:[ap]\.?m\.?|updated|edited|utc|gmt)\b/gi, ''))) return null;
  return new Date(ms).toISOString();
}

/**
 * Finds a date line among the first {@link DATE_LINE_SEARCH} lines and returns the publication time it states and
 * the text without that line (a date line is page furniture, like a `Source:` line). Text without one comes back
 * unchanged with a null date.
 */
export function splitDateLine(text: string): { body: string; publishedAt: string | null } {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length && seen < DATE_LINE_SEARCH; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    seen++;
    const publishedAt = parseDateLine(line);
    if (publishedAt) return { body: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), publishedAt };
  }
  return { body: text, publishedAt: null };
}
