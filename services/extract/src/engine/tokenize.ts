import { ABBREVIATIONS } from './abbreviations.ts';
import type { Token } from './types.ts';

/*
 * One sticky regular expression scans the text left to right, so tokenisation is linear and every token is an
 * exact slice of the input. Alternatives, in order of precedence:
 *   1 URL   2 e-mail   3 @handle / #hashtag   4 word (hyphen-joined segments: initialisms "U.S.", numbers
 *   "3.5" / "1,000", letter-digit runs; "al-Rifai", "U.S.-led", "18-year-old")   5 ellipsis / dash runs
 *   6 any other single code point (punctuation, quotes, symbols).
 */
const SEGMENT = String.raw`(?:\p{L}\.(?:\p{L}\.)+|\d+(?:[.,:]\d+)+|[\p{L}\p{M}\p{N}]+(?:['’](?=\p{Lu})[\p{L}\p{M}]+)*)`;
const TOKEN_RE = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s<>"“”‘’]+)`,
    String.raw`([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
    String.raw`([@#][\p{L}\p{N}_]+)`,
    `(${SEGMENT}(?:[-‐‑]${SEGMENT})*)`,
    String.raw`(\.{2,}|-{2,}|\S)`,
  ].join('|'),
  'uy',
);
const WS_RE = /\s+/y;
const URL_TRAILING_RE = /[.,;:!?)\]}'’”]+$/u;
/** Clitics split off after a word, PTB style: 's 'd 'll 're 've 'm and n't. */
const CLITIC_RE = /['’](s|d|ll|re|ve|m)(?![\p{L}\p{N}])/iuy;
const NT_RE = /n['’]t(?![\p{L}\p{N}])/iuy;
const SINGLE_LETTER_RE = /^\p{L}$/u;
const DIGIT_AHEAD_RE = /\s*\d/y;

function attachesPeriod(text: string, word: string, end: number): boolean {
  if (text.charCodeAt(end) !== 46 /* . */ || word.endsWith('.')) return false;
  if (SINGLE_LETTER_RE.test(word)) return /\p{Lu}/u.test(word);
  const lower = word.toLowerCase();
  // Abbreviations are written "Mr", "Jan", "Inc": an all-capitals word ("the FT.") ends a sentence instead.
  if (ABBREVIATIONS.has(lower)) return word !== word.toUpperCase();
  if (lower === 'no' || lower === 'nos') {
    DIGIT_AHEAD_RE.lastIndex = end + 1;
    return DIGIT_AHEAD_RE.test(text);
  }
  return false;
}

/**
 * Split text into Penn-Treebank-like tokens whose offsets map exactly back to the text
 * (`text.slice(t.start, t.end) === t.text`). Quotes and brackets are separate tokens, possessive "'s"/"’s" and
 * other clitics are split off, abbreviations ("Mr.", "Jan.") and initialisms ("U.S.") keep their period, and
 * hyphenated names ("al-Rifai", "U.S.-led") stay whole.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    WS_RE.lastIndex = pos;
    if (WS_RE.test(text)) {
      pos = WS_RE.lastIndex;
      if (pos >= n) break;
    }
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m) {
      // \S always matches a non-space character, so this is unreachable; advance defensively.
      pos += 1;
      continue;
    }
    let end = TOKEN_RE.lastIndex;
    if (m[1] !== undefined) {
      const trimmed = m[1].replace(URL_TRAILING_RE, '');
      end = pos + (trimmed.length > 0 ? trimmed.length : m[1].length);
    } else if (m[4] !== undefined) {
      let word = m[4];
      NT_RE.lastIndex = end - 1;
      if (word.length > 1 && (word.endsWith('n') || word.endsWith('N')) && NT_RE.test(text)) {
        tokens.push({ text: word.slice(0, -1), start: pos, end: end - 1 });
        tokens.push({ text: text.slice(end - 1, NT_RE.lastIndex), start: end - 1, end: NT_RE.lastIndex });
        pos = NT_RE.lastIndex;
        continue;
      }
      if (attachesPeriod(text, word, end)) {
        end += 1;
        word += '.';
      }
      tokens.push({ text: word, start: pos, end });
      CLITIC_RE.lastIndex = end;
      if (CLITIC_RE.test(text)) {
        tokens.push({ text: text.slice(end, CLITIC_RE.lastIndex), start: end, end: CLITIC_RE.lastIndex });
        end = CLITIC_RE.lastIndex;
      }
      pos = end;
      continue;
    }
    tokens.push({ text: text.slice(pos, end), start: pos, end });
    pos = end;
  }
  return tokens;
}
