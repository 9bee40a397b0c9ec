/**
 * Internal document model of the extraction engine. Every offset is a UTF-16 code-unit index into the
 * article text the engine was given (the same indexing JavaScript strings use), end-exclusive.
 */

/** One token with its exact position in the article text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Penn Treebank part-of-speech tag, when a tagger has run. */
  pos?: string;
}

/** One sentence: its span in the text and its tokens (token offsets are absolute, not sentence-relative). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  tokens: Token[];
}

/** Coarse entity types the engine produces. */
export type EntityKind = 'person' | 'organization' | 'location' | 'date' | 'nationality' | 'misc';

/** A span of text that names or refers to an entity. */
export interface MentionSpan {
  kind: EntityKind;
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** Token indices inside the sentence, end-exclusive. */
  tokenStart: number;
  tokenEnd: number;
}

/** The tokenised article handed from stage to stage. */
export interface Doc {
  text: string;
  sentences: Sentence[];
  /** ISO 8601 publication time, used to resolve relative dates ("on Friday"). */
  publishedAt?: string;
  /**
   * Fills `Token.pos` of sentence `si` if it is not tagged yet, when the engine has a POS tagger. Code that reads
   * tags calls it first (`posAt` of the event rules), so only the sentences that are read get tagged.
   */
  ensurePos?: (si: number) => void;
}
