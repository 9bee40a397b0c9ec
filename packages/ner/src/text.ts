/** Token normalisation and word-shape helpers shared by the feature extractors. */

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '--',
  '\u2212': '-',
  '\u00a0': ' ',
};
const SPECIAL = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2212\u00a0]/g;

/** Maps typographic quotes, apostrophes and dashes to their ASCII forms; PTB `` and '' become ". */
export function normalizeToken(tok: string): string {
  if (tok === '``' || tok === "''") return '"';
  return tok.replace(SPECIAL, (c) => QUOTES[c] ?? c);
}

/** Lower-case form with every digit replaced by 0, so numbers and dates share features. */
export function foldToken(norm: string): string {
  return norm.toLowerCase().replace(/[0-9]/g, '0');
}

function charClass(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return c;
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (lo !== up) return c === up ? 'X' : 'x';
  return c;
}

/** Word shape with runs cut to 3 characters: "Obama" -> "Xxxx", "1996-08-22" -> "ddd-dd-dd". */
export function wordShape(norm: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (const ch of norm) {
    const c = charClass(ch);
    if (c === prev) {
      run++;
      if (run > 3) continue;
    } else {
      prev = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

/** Word shape with every run collapsed: "Obama" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d". */
export function shortShape(shape: string): string {
  let out = '';
  let prev = '';
  for (const c of shape) {
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

/** True when the first character is an upper-case letter. */
export function isCapitalized(norm: string): boolean {
  const c = norm.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** True when the token has letters and none of them is lower-case. */
export function isAllCaps(norm: string): boolean {
  return norm !== norm.toLowerCase() && norm === norm.toUpperCase();
}

/** True when the token has at least one letter. */
export function hasLetter(norm: string): boolean {
  return norm.toLowerCase() !== norm.toUpperCase();
}
