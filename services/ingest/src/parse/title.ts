const MAX_TITLE_CHARS = 200;
const MAX_TITLE_WORDS = 25;

/**
 * Whether a first line reads as a headline rather than the opening paragraph: short, a few words, not ending
 * in a sentence full stop (headlines may end in `?` or `!`), and not a single sentence running on into the next.
 */
export function looksLikeTitle(line: string, rest: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > MAX_TITLE_CHARS || rest.trim() === '') return false;
  const words = t.split(/\s+/);
  if (words.length > MAX_TITLE_WORDS) return false;
  if (/[.,;:]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  // Two or more sentences on the line: an opening paragraph.
  if (/[.!?]["”’]?\s+[A-Z“"]/.test(t)) return false;
  return true;
}
