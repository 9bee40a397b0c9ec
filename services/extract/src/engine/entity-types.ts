import type { ResolvedTime } from './time.ts';
import type { EntityKind } from './types.ts';

/** A role or title held by a person ("Prime Minister" of "Iraq"). */
export interface EntityRole {
  title: string;
  /** Canonical name of the country or organisation the role belongs to, when the text states it. */
  affiliation?: string;
  /** Key of the affiliation's entity in the same article. */
  affiliationKey?: string;
  /** "former", "interim", "acting" ... */
  qualifiers?: string[];
}

/** How a mention names its entity. */
export type MentionForm = 'name' | 'alias' | 'nominal' | 'pronoun';

/** One mention of an entity (absolute character offsets, end-exclusive). */
export interface EntityMention {
  text: string;
  start: number;
  end: number;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  form: MentionForm;
}

/** An entity of one article: a cluster of coreferent mentions with its canonical name and attributes. */
export interface ExtractedEntity {
  /** Deterministic id from (article id, extractor version, key). */
  id: string;
  /** Canonical key, unique within the article ("person:fouad hussein"). */
  key: string;
  kind: EntityKind;
  /** Canonical name ("Abdallah Maki Mosleh al-Rifai", "Islamic State", "Iraq"). */
  name: string;
  /** Other names used in the article, as written ("al-Rifai", "Abu Khadija", "ISIS"). */
  aliases: string[];
  roles: EntityRole[];
  /** Country a place, nationality or national body belongs to. */
  country?: string;
  /** Normalised value of a date entity. */
  time?: ResolvedTime;
  mentions: EntityMention[];
  /** Prominence in the article, 0..1 (the most prominent entity has 1). */
  salience: number;
  /** Confidence that the entity and its type are right, 0..1. */
  confidence: number;
}
