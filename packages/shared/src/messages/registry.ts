import type { z } from 'zod';
import { ARTICLE_RAW_V1, ArticleRawV1 } from './article.ts';
import { ARTICLE_EXTRACTED_V1, ArticleExtractedV1 } from './completion.ts';
import { DEAD_LETTER_V1, DeadLetterV1 } from './deadletter.ts';
import { ENTITY_V1, EntityV1 } from './entity.ts';
import { AnyEnvelope } from './envelope.ts';
import { EVENT_V1, EventV1 } from './event.ts';
import { ARTICLE_REJECTED_V1, ArticleRejectedV1 } from './rejection.ts';
import { STORY_UPDATED_V1, StoryUpdatedV1 } from './story.ts';

/**
 * Every message type newsflow publishes, by its versioned `type`. Consumers keep parsing every version still
 * inside stream retention, so a v2 is added here beside v1, never in its place.
 */
export const MESSAGE_SCHEMAS = {
  [ARTICLE_RAW_V1]: ArticleRawV1,
  [ARTICLE_REJECTED_V1]: ArticleRejectedV1,
  [ENTITY_V1]: EntityV1,
  [EVENT_V1]: EventV1,
  [ARTICLE_EXTRACTED_V1]: ArticleExtractedV1,
  [DEAD_LETTER_V1]: DeadLetterV1,
  [STORY_UPDATED_V1]: StoryUpdatedV1,
} as const;

export type MessageType = keyof typeof MESSAGE_SCHEMAS;
export type MessageOf<T extends MessageType> = z.infer<(typeof MESSAGE_SCHEMAS)[T]>;
export type AnyMessage = { [T in MessageType]: MessageOf<T> }[MessageType];

export type ParseResult<M> = { ok: true; message: M } | { ok: false; reason: string };

/** Formats zod issues as `path: message; path: message`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .slice(0, 10)
    .join('; ');
}

/**
 * Parses a decoded JSON value as a newsflow message. With `accept`, only those types are valid (an extract
 * consumer given an entity message dead-letters it rather than guessing).
 */
export function parseMessage(value: unknown, accept?: readonly MessageType[]): ParseResult<AnyMessage> {
  const head = AnyEnvelope.safeParse(value);
  if (!head.success) return { ok: false, reason: `not a newsflow envelope: ${formatIssues(head.error)}` };
  const type = head.data.type;
  if (!(type in MESSAGE_SCHEMAS)) return { ok: false, reason: `unknown message type '${type}'` };
  if (accept && !accept.includes(type as MessageType)) {
    return {
      ok: false,
      reason: `message type '${type}' is not accepted here (expected ${accept.join(', ')})`,
    };
  }
  const parsed = MESSAGE_SCHEMAS[type as MessageType].safeParse(value);
  if (!parsed.success) return { ok: false, reason: `invalid ${type}: ${formatIssues(parsed.error)}` };
  return { ok: true, message: parsed.data as AnyMessage };
}

/** Builds an envelope around `data`; the result is validated when published. */
export function makeMessage<T extends MessageType>(
  type: T,
  fields: { id: string; source: string; data: MessageOf<T>['data']; subject?: string; time?: Date },
): MessageOf<T> {
  const message = {
    specversion: '1.0',
    id: fields.id,
    type,
    source: fields.source,
    time: (fields.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: fields.data,
    ...(fields.subject === undefined ? {} : { subject: fields.subject }),
  };
  return message as MessageOf<T>;
}
