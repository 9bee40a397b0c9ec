import type { JsMsg } from '@nats-io/jetstream';
import { deriveId } from '../ids.ts';
import type { DeadLetterV1 } from '../messages/deadletter.ts';
import { makeMessage } from '../messages/registry.ts';
import type { ServiceName } from '../subjects.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Copies a message's headers into a plain record. */
export function headersOf(msg: JsMsg): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!msg.headers) return out;
  for (const [key, values] of msg.headers) out[key] = [...values];
  return out;
}

/**
 * A dead letter for `msg`: its payload (UTF-8 when it decodes, else base64), headers and the reason. The id is
 * derived from the stream sequence, so dead-lettering the same delivery twice publishes one message.
 */
export function deadLetterFor(
  msg: JsMsg,
  fields: { service: ServiceName; consumer: string; reason: string; error?: string; now?: Date },
): DeadLetterV1 {
  let payload: string;
  let payloadEncoding: 'utf8' | 'base64';
  try {
    payload = strictUtf8.decode(msg.data);
    payloadEncoding = 'utf8';
  } catch {
    payload = Buffer.from(msg.data).toString('base64');
    payloadEncoding = 'base64';
  }
  return makeMessage('news.deadletter.v1', {
    id: deriveId('dlq', fields.service, msg.info.stream, String(msg.seq)),
    source: `newsflow/${fields.service}`,
    subject: msg.subject,
    ...(fields.now ? { time: fields.now } : {}),
    data: {
      service: fields.service,
      stream: msg.info.stream,
      consumer: fields.consumer,
      streamSequence: msg.seq,
      subject: msg.subject,
      headers: headersOf(msg),
      payload,
      payloadEncoding,
      reason: fields.reason.slice(0, 4000),
      ...(fields.error ? { error: fields.error } : {}),
      deliveryCount: msg.info.deliveryCount,
      failedAt: (fields.now ?? new Date()).toISOString(),
    },
  });
}
