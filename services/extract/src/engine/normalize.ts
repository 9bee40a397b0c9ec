/** Name normalisation shared by coreference, canonical keys and ids. */

const ARTICLE_RE = /^(?:the|a|an)\s+/;
const POSSESSIVE_RE = /['’]s?$/;
const ARABIC_ARTICLE_RE = /^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]/;

/**
 * Normalise a name for matching: lower case, no diacritics, straight apostrophes, initialisms without dots
 * ("U.S." -> "us"), no leading article or trailing possessive, single spaces.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\b(\p{L})\./gu, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ARTICLE_RE, '')
    .replace(POSSESSIVE_RE, '')
    .trim();
}

/** Name words for person matching, each without an Arabic article: "Bashar al-Assad" -> ["bashar", "assad"]. */
export function nameWords(text: string): string[] {
  return normalizeName(text)
    .split(/\s+/)
    .map((w) => w.replace(ARABIC_ARTICLE_RE, ''))
    .filter((w) => w.length > 0);
}

const INITIALS_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'al', 'el', '&']);

/**
 * Acronym candidates of a multi-word name: initials of its words, skipping function words and Arabic
 * articles ("Hayat Tahrir al-Sham" -> "HTS", "Islamic State of Iraq and Syria" -> "ISIS"), with and without
 * the function words.
 */
export function initialsOf(text: string): string[] {
  const words = text.split(/\s+/).flatMap((w) => w.split('-'));
  const content = words.filter((w) => w.length > 0 && !INITIALS_SKIP.has(w.toLowerCase()));
  const all = words.filter((w) => w.length > 0 && !['al', 'el'].includes(w.toLowerCase()));
  const initials = (ws: string[]): string => ws.map((w) => w[0]?.toUpperCase() ?? '').join('');
  return [...new Set([initials(content), initials(all)])].filter((s) => s.length >= 2);
}
