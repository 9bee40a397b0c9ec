/**
 * The extraction engine: a pure, deterministic function of (article, extractor version). Tokenisation,
 * sentences, entities with coreference, aliases and roles, dates, and (from `events/`) events.
 */
import { extractEntities } from './entities.ts';
import type { ExtractedEntity } from './entity-types.ts';
import { extractEvents } from './events/index.ts';
import type { ExtractedEvent } from './events/types.ts';
import { createLexicon } from './lexicon/index.ts';
import { createNerStage, type NerTagger } from './ner.ts';
import { buildDoc } from './sentences.ts';
import { findTimes } from './time.ts';
import type { Doc } from './types.ts';

export type { EntityMention, EntityRole, ExtractedEntity, MentionForm } from './entity-types.ts';
export type { ExtractedEvent } from './events/types.ts';
export { entityId, entityKey } from './ids.ts';
export type { NerSpan, NerTagger, NerType } from './ner.ts';
export { buildDoc } from './sentences.ts';
export { findTimes, type ResolvedTime, resolveTime, type TimeMention } from './time.ts';
export { tokenize } from './tokenize.ts';
export type { Doc, EntityKind, MentionSpan, Sentence, Token } from './types.ts';

/**
 * Part-of-speech tagger interface of `@newsflow/ner` (optional; fills `Token.pos`). It must tag each sentence on
 * its own: the engine passes one sentence at a time.
 */
export interface PosTagger {
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
}

/** An article as the engine sees it. */
export interface ArticleInput {
  id: string;
  text: string;
  title?: string;
  /** ISO 8601; relative dates ("on Friday") are resolved against it. */
  publishedAt?: string;
}

/** What the engine extracts from one article. */
export interface Extraction {
  entities: ExtractedEntity[];
  events: ExtractedEvent[];
}

export interface ExtractorOptions {
  nerTagger: NerTagger;
  posTagger?: PosTagger;
  /** Extractor version, stamped into every id. */
  version: string;
}

/** The engine, built once per process over loaded models and shared read-only lexicons. */
export interface Extractor {
  readonly version: string;
  extract(article: ArticleInput): Extraction;
}

/**
 * Tags are read only in sentences with a possible event trigger and in a few role descriptions, a third of news
 * text needs none, so each sentence is tagged on first use. The tagger reads nothing outside the sentence, so the
 * tags are those of tagging the whole document.
 */
function lazyPos(doc: Doc, pos: PosTagger): (si: number) => void {
  const tagged = new Uint8Array(doc.sentences.length);
  return (si) => {
    const sentence = doc.sentences[si];
    if (!sentence || tagged[si]) return;
    tagged[si] = 1;
    const tags = pos.tagDocument([sentence.tokens.map((t) => t.text)])[0] ?? [];
    sentence.tokens.forEach((t, ti) => {
      const tag = tags[ti];
      if (tag) t.pos = tag;
    });
  };
}

/** Create an extractor over the given taggers. Deterministic: same article and version, same output. */
export function createExtractor(opts: ExtractorOptions): Extractor {
  const lexicon = createLexicon();
  const ner = createNerStage(opts.nerTagger);
  return {
    version: opts.version,
    extract(article) {
      const doc = buildDoc(article.text, article.publishedAt);
      if (opts.posTagger) doc.ensurePos = lazyPos(doc, opts.posTagger);
      // One chrono pass serves both stages.
      const times = findTimes(
        doc.text,
        doc.publishedAt,
        doc.sentences.map((s): [number, number] => [s.start, s.end]),
      );
      const entities = extractEntities(doc, {
        ner,
        lexicon,
        articleId: article.id,
        version: opts.version,
        times,
        ...(article.title ? { title: article.title } : {}),
      });
      const events = extractEvents(doc, entities, { times });
      return { entities, events };
    },
  };
}
