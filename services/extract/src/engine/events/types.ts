/**
 * Input and output types of the event extractor. The input side is deliberately minimal (what the extractor
 * needs from the entity stage), so the extractor does not depend on how entities are clustered.
 */
import type { Granularity, TimeMention } from '../time.ts';
import type { EntityKind } from '../types.ts';

/** One mention of an entity, as produced by the entity stage (absolute character offsets, end-exclusive). */
export interface EventEntityMention {
  start: number;
  end: number;
  sentence: number;
}

/** An entity cluster: every mention the coreference stage grouped, under one key. */
export interface EventEntityInput {
  /** Stable key of the cluster; copied onto arguments as `entityKey`. */
  key: string;
  kind?: EntityKind;
  mentions: EventEntityMention[];
}

/** Options of `extractEvents`. */
export interface ExtractEventsOptions {
  /**
   * Time expressions of the document, as the core's `findTimes` returns them (resolved against
   * `doc.publishedAt`). When absent the extractor runs `findTimes` itself.
   */
  times?: readonly TimeMention[];
  /**
   * Merge mentions of one real-world event (same type, same main participant, or a definite anaphor such as
   * "the operation") into one event with the union of their arguments. Default true; evaluation turns it off
   * to score mention by mention.
   */
  merge?: boolean;
}

/** Argument roles the extractor produces (a subset applies to each event type, see taxonomy.ts). */
export type EventRole =
  | 'agent'
  | 'victim'
  | 'target'
  | 'instrument'
  | 'place'
  | 'time'
  | 'participant'
  | 'speaker'
  | 'recipient'
  | 'topic'
  | 'origin'
  | 'destination'
  | 'artifact'
  | 'person'
  | 'authority'
  | 'crime'
  | 'organization';

export type Modality = 'asserted' | 'negated' | 'hedged' | 'planned';

/** A text span with absolute offsets. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface EventArgument extends TextSpan {
  role: EventRole;
  /** Key of the entity cluster the argument refers to, when one exists. */
  entityKey?: string;
}

export interface EventTime {
  /** The time expression as written ("Thursday night"). */
  text: string;
  /** ISO date or interval when it could be resolved against the publication date. */
  value?: string;
  granularity?: Granularity;
}

export interface ExtractedEvent {
  /** Taxonomy type, `category.type` (subject `news.events.<type>`). */
  type: string;
  trigger: TextSpan;
  evidence: TextSpan & { sentence: number };
  arguments: EventArgument[];
  time?: EventTime;
  place?: TextSpan & { entityKey?: string };
  modality: Modality;
  source?: { text: string; entityKey?: string };
  confidence: number;
  plover: { event: string; mode?: string };
  cameo: string;
}
