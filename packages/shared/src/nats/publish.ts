import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { InvalidMessageError } from '../errors.ts';
import { type AnyMessage, formatIssues, MESSAGE_SCHEMAS } from '../messages/registry.ts';
import type { Catalogue, ServiceName } from '../subjects.ts';

/** Header carrying the message type, so subscribers can route before parsing the body. */
export const TYPE_HEADER = 'Newsflow-Type';

/** The subject a message belongs on, derived from its type and payload. */
export function subjectFor(catalogue: Catalogue, message: AnyMessage): string {
  switch (message.type) {
    case 'news.article.raw.v1':
      return catalogue.articlesRaw;
    case 'news.article.rejected.v1':
      return catalogue.articlesRejected;
    case 'news.entity.v1':
      return catalogue.entity(message.data.type);
    case 'news.event.v1':
      return catalogue.event(message.data.type);
    case 'news.article.extracted.v1':
      return catalogue.articlesExtracted;
    case 'news.deadletter.v1':
      return catalogue.dlq(message.data.service as ServiceName);
    case 'news.story.updated.v1':
      return catalogue.storiesUpdated;
  }
}

export interface PublishResult {
  subject: string;
  seq: number;
  /** True when the server dropped it as a duplicate of a message with the same id inside the window. */
  duplicate: boolean;
}

export interface Publisher {
  /**
   * Validates, publishes with `Nats-Msg-Id` = message id (or `options.msgId`, e.g. for a deliberate replay),
   * and resolves once JetStream has stored it.
   */
  publish(message: AnyMessage, options?: { msgId?: string }): Promise<PublishResult>;
  /** Publishes concurrently and awaits every ack; rejects if any publish failed. */
  publishAll(messages: readonly AnyMessage[]): Promise<PublishResult[]>;
}

/** A publisher over a JetStream client; no state besides what it is given. */
export function createPublisher(deps: {
  js: JetStreamClient;
  catalogue: Catalogue;
  timeoutMs?: number;
}): Publisher {
  const encoder = new TextEncoder();
  async function publish(message: AnyMessage, options?: { msgId?: string }): Promise<PublishResult> {
    const schema = MESSAGE_SCHEMAS[message.type];
    const parsed = schema ? schema.safeParse(message) : undefined;
    if (!parsed?.success) {
      const why = parsed
        ? formatIssues(parsed.error)
        : `unknown type ${String((message as { type?: unknown }).type)}`;
      throw new InvalidMessageError(`refusing to publish an invalid ${message.type}: ${why}`);
    }
    const subject = subjectFor(deps.catalogue, message);
    const h = natsHeaders();
    h.set(TYPE_HEADER, message.type);
    h.set('Content-Type', 'application/json');
    const ack: PubAck = await deps.js.publish(subject, encoder.encode(JSON.stringify(message)), {
      msgID: options?.msgId ?? message.id,
      headers: h,
      timeout: deps.timeoutMs ?? 10_000,
    });
    return { subject, seq: ack.seq, duplicate: ack.duplicate };
  }
  return {
    publish,
    publishAll: (messages) => Promise.all(messages.map((m) => publish(m))),
  };
}
