/**
 * The one catalogue of NATS subjects, streams and durable consumer names. No other module spells a subject.
 *
 * A catalogue can be namespaced (`createCatalogue('t42')` -> `t42.news.articles.raw`, stream `T42_NEWS_ARTICLES`)
 * so that several independent pipelines, or parallel tests, share one NATS server without seeing each other.
 */

/** Entity types that get their own subject, `news.entities.<type>`. */
export const ENTITY_TYPES = ['person', 'organization', 'location', 'date', 'nationality', 'misc'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Services that own a durable consumer and a dead-letter subject. */
export type ServiceName = 'ingest' | 'extract' | 'store';

/** Stream keys; the stream's real name is derived from the key and the namespace. */
export type StreamKey = 'articles' | 'extractions' | 'stories' | 'dlq';

export interface StreamSpec {
  name: string;
  subjects: string[];
  description: string;
}

export interface Catalogue {
  namespace: string;
  articlesRaw: string;
  articlesRejected: string;
  articlesExtracted: string;
  storiesUpdated: string;
  /** `news.entities.<type>` */
  entity(type: EntityType): string;
  entitiesAll: string;
  /** `news.events.<category>.<type>`, from an event type such as `conflict.attack`. */
  event(eventType: string): string;
  eventsAll: string;
  /** `news.dlq.<service>` */
  dlq(service: ServiceName): string;
  dlqAll: string;
  streams: Record<StreamKey, StreamSpec>;
  /** Durable consumer names, one per service role, shared by all replicas of that service. */
  consumers: {
    extract: { stream: StreamKey; durable: string; filter: string };
    storeArticles: { stream: StreamKey; durable: string; filter: string };
    storeExtractions: { stream: StreamKey; durable: string; filter: string };
  };
}

const EVENT_TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const NAMESPACE = /^[a-z][a-z0-9_-]{0,31}$/;

/** Builds the catalogue, optionally under a namespace (lower-case letters, digits, `_`, `-`). */
export function createCatalogue(namespace = ''): Catalogue {
  if (namespace !== '' && !NAMESPACE.test(namespace)) {
    throw new Error(`invalid namespace '${namespace}': use 1-32 lower-case letters, digits, '_' or '-'`);
  }
  const s = (subject: string) => (namespace ? `${namespace}.${subject}` : subject);
  const n = (name: string) => (namespace ? `${namespace.toUpperCase().replaceAll('-', '_')}_${name}` : name);
  const articlesRaw = s('news.articles.raw');
  const entitiesAll = s('news.entities.>');
  const eventsAll = s('news.events.>');
  const articlesExtracted = s('news.articles.extracted');
  return {
    namespace,
    articlesRaw,
    articlesRejected: s('news.articles.rejected'),
    articlesExtracted,
    storiesUpdated: s('news.stories.updated'),
    entity: (type) => s(`news.entities.${type}`),
    entitiesAll,
    event: (eventType) => {
      if (!EVENT_TYPE.test(eventType)) throw new Error(`invalid event type '${eventType}'`);
      return s(`news.events.${eventType}`);
    },
    eventsAll,
    dlq: (service) => s(`news.dlq.${service}`),
    dlqAll: s('news.dlq.>'),
    streams: {
      articles: {
        name: n('NEWS_ARTICLES'),
        subjects: [articlesRaw, s('news.articles.rejected')],
        description: 'Articles as ingested, and inputs that ingest rejected',
      },
      extractions: {
        name: n('NEWS_EXTRACTIONS'),
        subjects: [entitiesAll, eventsAll, articlesExtracted],
        description: 'Entities and events extracted from articles, and per-article completion markers',
      },
      stories: {
        name: n('NEWS_STORIES'),
        subjects: [s('news.stories.updated')],
        description: 'Cross-article story updates from the store',
      },
      dlq: {
        name: n('NEWS_DLQ'),
        subjects: [s('news.dlq.>')],
        description: 'Dead letters: messages a service could not process, with the reason',
      },
    },
    consumers: {
      extract: { stream: 'articles', durable: 'extract', filter: articlesRaw },
      storeArticles: { stream: 'articles', durable: 'store-articles', filter: articlesRaw },
      // nats-server 2.9 has no multi-filter consumers, so the store reads the whole extraction stream.
      storeExtractions: { stream: 'extractions', durable: 'store-extractions', filter: '' },
    },
  };
}
