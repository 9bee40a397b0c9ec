import { z } from 'zod';
import { timestamp } from './common.ts';

/**
 * CloudEvents 1.0 attribute names around every payload. `type` carries the version (`news.article.raw.v1`);
 * `id` is also the `Nats-Msg-Id`, so a re-publish inside the duplicate window is dropped by the server.
 */
export function envelope<T extends string, D extends z.ZodType>(type: T, data: D, description: string) {
  return z
    .object({
      specversion: z.literal('1.0').describe('CloudEvents specification version.'),
      id: z
        .string()
        .min(1)
        .max(128)
        .describe('Deterministic message id; also sent as the Nats-Msg-Id header.'),
      type: z.literal(type).describe('Message type with its version.'),
      source: z.string().min(1).describe('URI-reference of the producer, e.g. `newsflow/ingest`.'),
      time: timestamp().describe('When the producer created the message.'),
      subject: z.string().optional().describe('What the message is about, usually the article id.'),
      datacontenttype: z.literal('application/json').describe('Payload media type.'),
      data,
    })
    .describe(description);
}

/** The attributes common to every envelope, for code that handles messages of any type. */
export const AnyEnvelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(128),
  type: z.string().min(1),
  source: z.string().min(1),
  time: timestamp(),
  subject: z.string().optional(),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});
export type AnyEnvelope = z.infer<typeof AnyEnvelope>;
