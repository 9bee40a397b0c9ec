import { z } from 'zod';
import { timestamp } from './common.ts';
import { envelope } from './envelope.ts';

export const DeadLetterData = z
  .object({
    service: z.string().min(1).describe('The service that gave up on the message.'),
    stream: z.string().min(1).describe('Stream the message was read from.'),
    consumer: z.string().min(1).describe('Durable consumer that read it.'),
    streamSequence: z.number().int().nonnegative().describe('Sequence of the message in its stream.'),
    subject: z.string().min(1).describe('Subject the original message was published on.'),
    headers: z.record(z.string(), z.array(z.string())).describe('Original message headers.'),
    payload: z.string().describe('Original payload: UTF-8 text, or base64 when `payloadEncoding` says so.'),
    payloadEncoding: z.enum(['utf8', 'base64']).describe('How `payload` is encoded.'),
    reason: z.string().min(1).describe('Why the message was dead-lettered.'),
    error: z.string().optional().describe('Name of the error, e.g. `InvalidMessageError`.'),
    deliveryCount: z.number().int().positive().describe('How many times it was delivered.'),
    failedAt: timestamp().describe('When the service gave up.'),
  })
  .describe('A message a service could not process.');
export type DeadLetterData = z.infer<typeof DeadLetterData>;

export const DEAD_LETTER_V1 = 'news.deadletter.v1';
export const DeadLetterV1 = envelope(DEAD_LETTER_V1, DeadLetterData, 'A dead letter (news.dlq.<service>).');
export type DeadLetterV1 = z.infer<typeof DeadLetterV1>;
