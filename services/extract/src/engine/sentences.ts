import { NON_FINAL_ABBREVIATIONS } from './abbreviations.ts';
import { tokenize } from './tokenize.ts';
import type { Doc, Sentence, Token } from './types.ts';

const TERMINALS = new Set(['.', '!', '?', '…', '...', '....', '?!', '!?']);
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»', '’’', "''"]);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«']);
/** Common sentence-initial words: after an initialism ("U.S."), only these start a new sentence. */
const STARTERS = new Set(
  'the a an he she it they we i this that these those his her its their there but and in on at after as when while if however meanwhile since during on for according officials some many no one two three'.split(
    ' ',
  ),
);
const UPPER_OR_DIGIT_RE = /^[\p{Lu}\p{N}]/u;
const LOWER_RE = /^\p{Ll}/u;
const DOUBLE_NEWLINE_RE = /\n[^\S\n]*\n/;

function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** True when a sentence ends between tokens[i] and tokens[i + 1]. */
function endsAfter(text: string, tokens: Token[], i: number): boolean {
  const tok = tokens[i];
  const next = tokens[i + 1];
  if (!tok || !next) return true;
  const between = gap(text, tok, next);
  if (between.includes('\n')) {
    // Paragraph breaks always end a sentence; a single line break does unless the next line visibly continues.
    if (DOUBLE_NEWLINE_RE.test(between)) return true;
    return !(LOWER_RE.test(next.text) || tok.text === ',');
  }
  // A closing quote or bracket glued to the previous token belongs to the sentence it closes.
  if (between.length === 0 && CLOSERS.has(next.text)) return false;
  // Look back over closers (`killed.”`) to the terminal punctuation, if any.
  let j = i;
  while (j > i - 3 && j >= 0 && CLOSERS.has(tokens[j]?.text ?? '')) j -= 1;
  const term = tokens[j];
  if (!term) return false;
  if (TERMINALS.has(term.text)) return UPPER_OR_DIGIT_RE.test(next.text) || OPENERS.has(next.text);
  if (term.text.length > 1 && term.text.endsWith('.') && j === i) {
    // Abbreviation or initialism carrying the period: "U.S. The ..." ends a sentence, "U.S. forces" does not.
    const bare = term.text.slice(0, -1).toLowerCase();
    if (NON_FINAL_ABBREVIATIONS.has(bare) || bare.length === 1) return false;
    return STARTERS.has(next.text.toLowerCase()) && UPPER_OR_DIGIT_RE.test(next.text);
  }
  return false;
}

/** Group tokens into sentences. Linear in the number of tokens. */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    current.push(tok);
    if (endsAfter(text, tokens, i)) {
      const first = current[0] as Token;
      sentences.push({ index: sentences.length, start: first.start, end: tok.end, tokens: current });
      current = [];
    }
  }
  return sentences;
}

/** Tokenise and sentence-split an article into the engine's document model. */
export function buildDoc(text: string, publishedAt?: string): Doc {
  const sentences = splitSentences(text, tokenize(text));
  return publishedAt === undefined ? { text, sentences } : { text, sentences, publishedAt };
}
