/** Invisible characters that only get in the way of matching and hashing. */
const INVISIBLE = /[\u00ad\u200b\u200c\u200e\u200f\u2060\ufeff]/g;
/**
 * Control characters no article text contains; they arrive through JSON escapes and HTML entities (raw file bytes
 * with them are refused as binary before this).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** Horizontal whitespace of every script, including no-break and ideographic spaces. */
const HSPACE = /[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Lines that are page furniture rather than article text. Only whole lines are removed, and only when the
 * line is nothing but the furniture, so a sentence that mentions "advertisement" stays.
 */
const BOILERPLATE_LINES: readonly RegExp[] = [
  /^(skip )?advertisement$/i,
  /^(story continues|continue reading)( below)?( advertisement)?\.?$/i,
  /^share( this( article| story)?)?( on (facebook|x|twitter|linkedin|whatsapp|email))?$/i,
  /^(read more|related|related articles?|recommended|more on this story)\s*:?$/i,
  /^(sign up|subscribe)( (to|for) our [\w ]{1,40})?[.!]?$/i,
  /^(click|tap) here to [\w ]{1,60}[.!]?$/i,
  /^(copyright|©)[^\n]{0,120}all rights reserved\.?$/i,
  /^all rights reserved\.?$/i,
  /^this article (was|has been) (auto-?generated|produced) [^\n]{0,120}$/i,
];

/** True when a whole (trimmed) line is page furniture such as "Advertisement" or "Share this article". */
export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_LINES.some((re) => re.test(line));
}

/**
 * Normalises article text: Unicode NFC, `\n` line ends, invisible and control characters removed, runs of horizontal
 * whitespace collapsed to one space, lines trimmed, boilerplate lines dropped, at most one blank line
 * between paragraphs, no leading or trailing blank lines. Idempotent, so ids computed from the result are
 * stable whichever path the text came through.
 */
export function normaliseText(raw: string): string {
  // Invisible and control characters go before NFC, so a letter and its accent they separated compose.
  const lines = raw
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(HSPACE, ' ').trim())
    .filter((line) => !isBoilerplateLine(line));
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Normalises a one-line field (title, byline, outlet): NFC, no line breaks, single spaces; null when empty. */
export function normaliseField(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const value = raw.replace(INVISIBLE, '').replace(CONTROL, '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}
