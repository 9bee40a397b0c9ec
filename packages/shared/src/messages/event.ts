import { z } from 'zod';
import { Confidence, ExtractorStamp, idOf, TextSpan } from './common.ts';
import { envelope } from './envelope.ts';

/** Argument roles, ACE/KAIROS-style. */
export const ARGUMENT_ROLES = [
  'agent',
  'victim',
  'target',
  'place',
  'time',
  'instrument',
  'participant',
  'speaker',
  'recipient',
  'topic',
  'origin',
  'destination',
  'artifact',
  'beneficiary',
  'giver',
  'defendant',
  'prosecutor',
  'attacker',
  'passenger',
  'person',
  'authority',
  'crime',
  'organization',
  'other',
] as const;
export type ArgumentRole = (typeof ARGUMENT_ROLES)[number];

export const EventArgument = z
  .object({
    role: z.enum(ARGUMENT_ROLES).describe('The argument role.'),
    text: z.string().min(1).describe('The argument as written.'),
    start: z.number().int().nonnegative().describe('Start offset in the article text.'),
    end: z.number().int().nonnegative().describe('End offset (exclusive) in the article text.'),
    entityId: idOf('ent').optional().describe('The entity of the same article this argument refers to.'),
  })
  .describe('A participant, place or time of the event.');
export type EventArgument = z.infer<typeof EventArgument>;

export const EventTime = z
  .object({
    text: z.string().min(1).describe('The time expression as written, e.g. `Thursday night`.'),
    value: z
      .string()
      .min(1)
      .describe('ISO 8601 date, date-time or interval (`start/end`), resolved when possible.'),
    granularity: z
      .enum(['instant', 'part-of-day', 'day', 'week', 'month', 'year', 'interval'])
      .describe('Precision of `value` (`part-of-day`: e.g. Thursday night).'),
    resolved: z.boolean().describe('True when resolved against a known publication date.'),
  })
  .describe('Normalised time of the event.');

export const EventData = z
  .object({
    id: idOf('evt').describe('Deterministic id from (article id, extractor version, canonical key).'),
    articleId: idOf('art').describe('The article the event was found in.'),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'must be <category>.<type>, e.g. conflict.attack')
      .describe('Event type `<category>.<type>` from the newsflow taxonomy; also the subject suffix.'),
    trigger: TextSpan.describe('The word or phrase that expresses the event.'),
    evidence: TextSpan.extend({
      sentence: z.number().int().nonnegative().describe('0-based sentence index.'),
    }).describe('The sentence that states the event.'),
    arguments: z.array(EventArgument).describe('Arguments with roles.'),
    time: EventTime.optional(),
    modality: z
      .enum(['asserted', 'negated', 'hedged', 'planned'])
      .describe('Whether the text asserts, denies, hedges/reports, or plans the event.'),
    source: z
      .object({
        text: z.string().min(1).describe('The attributed source as written, e.g. `a security official`.'),
        entityId: idOf('ent').optional().describe('The source as an entity of the same article.'),
      })
      .optional()
      .describe('Who the article attributes the information to, when stated.'),
    confidence: Confidence,
    plover: z
      .object({
        event: z.string().min(1).describe('PLOVER event category, e.g. `ASSAULT`.'),
        mode: z.string().optional().describe('PLOVER mode, e.g. `aerial`.'),
      })
      .describe('Mapping to the PLOVER ontology.'),
    cameo: z
      .string()
      .regex(/^\d{2,4}$/)
      .optional()
      .describe('CAMEO event code, e.g. `195`.'),
    extractor: ExtractorStamp,
  })
  .describe('An event found in one article.');
export type EventData = z.infer<typeof EventData>;

export const EVENT_V1 = 'news.event.v1';
export const EventV1 = envelope(
  EVENT_V1,
  EventData,
  'An event of one article (news.events.<category>.<type>).',
);
export type EventV1 = z.infer<typeof EventV1>;
