import type { Doc, EntityKind, MentionSpan } from './types.ts';

/** Entity types a trained tagger emits (CoNLL-2003 set). */
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One tagged span inside a sentence: token indices, `end` exclusive. */
export interface NerSpan {
  type: NerType;
  start: number;
  end: number;
}

/**
 * The part of `@newsflow/ner`'s tagger the engine needs: tag all sentences of one document at once (the model
 * uses document-level consistency features, so sentences must not be tagged one by one).
 */
export interface NerTagger {
  tagDocument(sentences: readonly (readonly string[])[]): NerSpan[][];
}

const KIND: Record<NerType, EntityKind> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  MISC: 'misc',
};

const DETERMINERS = new Set(['the', 'The', 'THE']);
/** Courtesy titles the tagger sometimes includes in a person span ("Mr Fox"); roles are read separately. */
const HONORIFICS = new Set([
  'Mr',
  'Mr.',
  'Mrs',
  'Mrs.',
  'Ms',
  'Ms.',
  'Miss',
  'Dr',
  'Dr.',
  'Prof',
  'Prof.',
  'Mme',
  'M.',
]);
const POSSESSIVES = new Set(["'s", '’s', "'", '’', "'S", '’S']);

/**
 * Creates the named-entity stage over a tagger: runs it on the document's sentences and returns mention spans
 * with character offsets. Leading determiners, courtesy titles of persons ("Mr") and trailing possessive
 * markers are trimmed off spans, so "the Islamic State’s" yields "Islamic State" and "Mr Fox" "Fox".
 */
export function createNerStage(tagger: NerTagger): (doc: Doc) => MentionSpan[] {
  return (doc) => {
    const tagged = tagger.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
    const out: MentionSpan[] = [];
    doc.sentences.forEach((sentence, si) => {
      for (const span of tagged[si] ?? []) {
        let a = span.start;
        let b = span.end;
        while (a < b && DETERMINERS.has(sentence.tokens[a]?.text ?? '')) a += 1;
        if (span.type === 'PER' && b - a > 1 && HONORIFICS.has(sentence.tokens[a]?.text ?? '')) a += 1;
        while (b > a && POSSESSIVES.has(sentence.tokens[b - 1]?.text ?? '')) b -= 1;
        const first = sentence.tokens[a];
        const last = sentence.tokens[b - 1];
        if (!first || !last || a >= b) continue;
        out.push({
          kind: KIND[span.type],
          start: first.start,
          end: last.end,
          text: doc.text.slice(first.start, last.end),
          sentence: si,
          tokenStart: a,
          tokenEnd: b,
        });
      }
    });
    return out;
  };
}
