/** Reader for CoNLL-style column files (one token per line, blank line between sentences, -DOCSTART- lines). */

/** One sentence: tokens with their POS and entity tags (as written in the file). */
export interface ConllSentence {
  tokens: string[];
  pos: string[];
  ner: string[];
}

/** One document: its sentences. */
export type ConllDoc = ConllSentence[];

/**
 * Parses CoNLL-2003 text (`word POS chunk NER`, whitespace-separated; the NER tag is the last column).
 * Documents are split at `-DOCSTART-`; a file without them is one document per `docSize` sentences.
 */
export function parseConll(text: string, docSize = 30): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = [];
  let sent: ConllSentence = { tokens: [], pos: [], ner: [] };
  let sawDocStart = false;
  const endSentence = (): void => {
    if (sent.tokens.length > 0) doc.push(sent);
    sent = { tokens: [], pos: [], ner: [] };
    if (!sawDocStart && doc.length >= docSize) endDoc();
  };
  const endDoc = (): void => {
    if (doc.length > 0) docs.push(doc);
    doc = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      endDoc();
      sawDocStart = true;
      continue;
    }
    sent.tokens.push(cols[0] as string);
    sent.pos.push(cols.length > 2 ? (cols[1] as string) : '');
    sent.ner.push(cols[cols.length - 1] as string);
  }
  endSentence();
  endDoc();
  return docs;
}

/** Entity spans of an IOB1 or IOB2 tag sequence (conlleval semantics: I-X after O or another type opens a span). */
export function iobToSpans(tags: readonly string[]): { type: string; start: number; end: number }[] {
  const spans: { type: string; start: number; end: number }[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? (tags[i] as string) : 'O';
    const prefix = tag.charAt(0);
    const ty = tag.slice(2);
    const continues = prefix === 'I' && start >= 0 && ty === type;
    if (!continues && start >= 0) {
      spans.push({ type, start, end: i });
      start = -1;
    }
    if ((prefix === 'B' || prefix === 'I') && !continues) {
      start = i;
      type = ty;
    }
  }
  return spans;
}
