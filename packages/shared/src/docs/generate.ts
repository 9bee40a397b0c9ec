import { stringify } from 'yaml';
import { z } from 'zod';
import { EXAMPLES } from '../messages/examples.ts';
import { MESSAGE_SCHEMAS, type MessageType } from '../messages/registry.ts';
import { createCatalogue } from '../subjects.ts';

/** JSON Schema documents for every message type, keyed by file name (`news.article.raw.v1.schema.json`). */
export function messageJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [type, schema] of Object.entries(MESSAGE_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
    const doc = { $id: `https://newsflow.dev/schemas/${type}.schema.json`, title: type, ...json };
    out[`${type}.schema.json`] = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return out;
}

const CHANNELS: Array<{ key: string; address: string; type: MessageType; description: string }> = (() => {
  const c = createCatalogue();
  return [
    {
      key: 'articlesRaw',
      address: c.articlesRaw,
      type: 'news.article.raw.v1',
      description: 'Ingested articles.',
    },
    {
      key: 'articlesRejected',
      address: c.articlesRejected,
      type: 'news.article.rejected.v1',
      description: 'Inputs ingest rejected, with the reason.',
    },
    {
      key: 'entities',
      address: 'news.entities.{entityType}',
      type: 'news.entity.v1',
      description:
        'Entities per article; `entityType` is person, organization, location, date, nationality or misc.',
    },
    {
      key: 'events',
      address: 'news.events.{category}.{eventType}',
      type: 'news.event.v1',
      description:
        'Events per article, e.g. `news.events.conflict.attack`. Subscribe to `news.events.>` for all.',
    },
    {
      key: 'articlesExtracted',
      address: c.articlesExtracted,
      type: 'news.article.extracted.v1',
      description: 'Marks an article whose entities and events were all published.',
    },
    {
      key: 'storiesUpdated',
      address: c.storiesUpdated,
      type: 'news.story.updated.v1',
      description: 'Cross-article stories created or grown by the store.',
    },
    {
      key: 'deadLetters',
      address: 'news.dlq.{service}',
      type: 'news.deadletter.v1',
      description: 'Messages a service gave up on, with the original payload, headers and reason.',
    },
  ];
})();

const operationName = (key: string) => `receive${key[0]?.toUpperCase()}${key.slice(1)}`;

/** The AsyncAPI 3.0 document for subscribers, as YAML. */
export function asyncApiDocument(version: string): string {
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const ch of CHANNELS) {
    const name = ch.type.replaceAll('.', '_');
    schemas[name] = z.toJSONSchema(MESSAGE_SCHEMAS[ch.type], { target: 'draft-07', unrepresentable: 'any' });
    messages[name] = {
      name: ch.type,
      title: ch.type,
      contentType: 'application/json',
      payload: { $ref: `#/components/schemas/${name}` },
      headers: {
        type: 'object',
        properties: {
          'Nats-Msg-Id': {
            type: 'string',
            description: 'Equals the envelope id; JetStream drops duplicates.',
          },
          'Newsflow-Type': { type: 'string', description: 'Equals the envelope type.' },
        },
      },
      examples: [{ name: 'example', payload: EXAMPLES[ch.type] }],
    };
    const params = [...ch.address.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    channels[ch.key] = {
      address: ch.address,
      description: ch.description,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      ...(params.length
        ? { parameters: Object.fromEntries(params.map((p) => [p, { description: p }])) }
        : {}),
    };
    operations[operationName(ch.key)] = {
      action: 'receive',
      channel: { $ref: `#/channels/${ch.key}` },
      summary: ch.description,
    };
  }
  const doc = {
    asyncapi: '3.0.0',
    info: {
      title: 'newsflow event stream',
      version,
      description:
        'Subjects and payloads of newsflow on NATS JetStream. Every payload is a CloudEvents-style JSON envelope ' +
        'whose `type` carries the version; the same schemas are in docs/schemas/*.schema.json.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'The nats-server started by `npm start`.',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
