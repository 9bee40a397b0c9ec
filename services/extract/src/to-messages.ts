import {
  type AnyMessage,
  ARGUMENT_ROLES,
  type ArgumentRole,
  type ArticleData,
  deriveId,
  ENTITY_TYPES,
  type EntityType,
  type EntityV1,
  type EventV1,
  entityIdFor,
  eventIdFor,
  makeMessage,
} from '@newsflow/shared';
import type { Extraction } from './engine/index.ts';

export interface Stamp {
  name: string;
  version: string;
}

const SOURCE = 'newsflow/extract';
const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const ROLE_SET = new Set<string>(ARGUMENT_ROLES);

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/**
 * Turns the engine's extraction of one article into entity and event messages plus the completion marker.
 * Ids derive from (article id, extractor version, canonical key), so re-running the same version republishes the
 * same ids and JetStream and the store drop the repeats.
 */
export function toMessages(article: ArticleData, extraction: Extraction, stamp: Stamp, durationMs: number) {
  const idByKey = new Map<string, string>();
  for (const e of extraction.entities) idByKey.set(e.key, entityIdFor(article.id, stamp.version, e.key));
  const entityId = (key: string | undefined) => (key ? idByKey.get(key) : undefined);

  const entities: EntityV1[] = extraction.entities.map((e) => {
    const id = idByKey.get(e.key) as string;
    const type: EntityType = ENTITY_TYPE_SET.has(e.kind) ? (e.kind as EntityType) : 'misc';
    const normalized = e.time?.value ?? e.country;
    return makeMessage('news.entity.v1', {
      id,
      source: SOURCE,
      subject: article.id,
      data: {
        id,
        articleId: article.id,
        type,
        name: e.name,
        aliases: e.aliases,
        roles: e.roles.map((r) => ({
          title: r.title,
          ...(r.affiliation ? { affiliation: r.affiliation } : {}),
          ...(entityId(r.affiliationKey) ? { affiliationEntityId: entityId(r.affiliationKey) } : {}),
          ...(r.qualifiers?.length ? { qualifier: r.qualifiers.join(' ') } : {}),
        })),
        mentions: e.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, sentence: m.sentence })),
        salience: round(e.salience),
        confidence: round(e.confidence),
        ...(normalized ? { normalized } : {}),
        extractor: stamp,
      },
    });
  });

  const seen = new Set<string>();
  const events: EventV1[] = [];
  for (const ev of extraction.events) {
    // One event per (type, trigger position) in an article: the canonical key of the id.
    const key = `${ev.type}:${ev.trigger.start}:${ev.trigger.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = eventIdFor(article.id, stamp.version, key);
    const args = ev.arguments.map((a) => ({
      role: (ROLE_SET.has(a.role) ? a.role : 'other') as ArgumentRole,
      text: a.text,
      start: a.start,
      end: a.end,
      ...(entityId(a.entityKey) ? { entityId: entityId(a.entityKey) } : {}),
    }));
    const time = ev.time?.value
      ? {
          text: ev.time.text,
          value: ev.time.value,
          granularity: ev.time.granularity ?? 'day',
          resolved: Boolean(article.publishedAt),
        }
      : undefined;
    events.push(
      makeMessage('news.event.v1', {
        id,
        source: SOURCE,
        subject: article.id,
        data: {
          id,
          articleId: article.id,
          type: ev.type,
          trigger: ev.trigger,
          evidence: ev.evidence,
          arguments: args,
          ...(time ? { time } : {}),
          modality: ev.modality,
          ...(ev.source
            ? {
                source: {
                  text: ev.source.text,
                  ...(entityId(ev.source.entityKey) ? { entityId: entityId(ev.source.entityKey) } : {}),
                },
              }
            : {}),
          confidence: round(ev.confidence),
          plover: ev.plover,
          ...(/^\d{2,4}$/.test(ev.cameo) ? { cameo: ev.cameo } : {}),
          extractor: stamp,
        },
      }),
    );
  }

  const completion = makeMessage('news.article.extracted.v1', {
    id: deriveId('cmp', article.id, stamp.version),
    source: SOURCE,
    subject: article.id,
    data: {
      articleId: article.id,
      extractor: stamp,
      entityCount: entities.length,
      eventCount: events.length,
      entityIds: entities.map((e) => e.id),
      eventIds: events.map((e) => e.id),
      durationMs: Math.round(durationMs * 100) / 100,
    },
  });
  return { entities, events, completion, all: [...entities, ...events] as AnyMessage[] };
}
