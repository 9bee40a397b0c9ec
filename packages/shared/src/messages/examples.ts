import type { MessageOf, MessageType } from './registry.ts';

const extractor = { name: 'newsflow-extract', version: '0.1.0' };
const art = 'art_5b10a9bad318bf07aa11bb22';
const ent = 'ent_0123456789abcdef01234567';
const ent2 = 'ent_89abcdef0123456789abcdef';
const evt = 'evt_fedcba9876543210fedcba98';
const head = (type: string, id: string) => ({
  specversion: '1.0' as const,
  id,
  source: 'newsflow/example',
  time: '2025-03-14T10:00:00.000Z',
  subject: art,
  datacontenttype: 'application/json' as const,
  type,
});

/** One valid example of every message type: documentation (AsyncAPI) and the base of the schema tests. */
export const EXAMPLES: { [T in MessageType]: MessageOf<T> } = {
  'news.article.raw.v1': {
    ...head('news.article.raw.v1', art),
    type: 'news.article.raw.v1',
    data: {
      id: art,
      title: 'Head of ISIS in Iraq and Syria killed in airstrike',
      text: 'The leader of the Islamic State (ISIS) in Iraq and Syria has been killed in an airstrike.',
      url: 'https://www.example.com/head-of-isis-killed',
      outlet: 'www.example.com',
      language: 'en',
      publishedAt: '2025-03-14T08:00:00.000Z',
      receivedAt: '2025-03-14T09:59:59.000Z',
      origin: { kind: 'file', path: '001_story.txt' },
      contentHash: 'a'.repeat(64),
      byteSize: 91,
    },
  },
  'news.article.rejected.v1': {
    ...head('news.article.rejected.v1', 'rej_00112233445566778899aabb'),
    type: 'news.article.rejected.v1',
    data: {
      input: 'broken.json',
      origin: 'file',
      reason: 'invalid_json',
      message: 'Unexpected end of JSON input at byte 120',
      failedPath: 'failed/broken.json',
      byteSize: 120,
      rejectedAt: '2025-03-14T10:00:00.000Z',
    },
  },
  'news.entity.v1': {
    ...head('news.entity.v1', ent),
    type: 'news.entity.v1',
    data: {
      id: ent,
      articleId: art,
      type: 'person',
      name: 'Abdallah Maki Mosleh al-Rifai',
      aliases: ['al-Rifai', 'Abu Khadija'],
      roles: [{ title: 'deputy caliph', affiliation: 'Islamic State' }],
      mentions: [{ text: 'Abdallah Maki Mosleh al-Rifai', start: 40, end: 69, sentence: 0 }],
      salience: 0.9,
      confidence: 0.95,
      extractor,
    },
  },
  'news.event.v1': {
    ...head('news.event.v1', evt),
    type: 'news.event.v1',
    data: {
      id: evt,
      articleId: art,
      type: 'life.die',
      trigger: { text: 'killed', start: 80, end: 86 },
      evidence: { text: 'The leader ... has been killed in an airstrike.', start: 0, end: 91, sentence: 0 },
      arguments: [
        { role: 'victim', text: 'The leader of the Islamic State', start: 0, end: 31, entityId: ent },
        { role: 'instrument', text: 'airstrike', start: 93, end: 102 },
      ],
      time: { text: 'Thursday night', value: '2025-03-13', granularity: 'day', resolved: true },
      modality: 'asserted',
      source: { text: 'a security official', entityId: ent2 },
      confidence: 0.8,
      plover: { event: 'ASSAULT', mode: 'aerial' },
      cameo: '195',
      extractor,
    },
  },
  'news.article.extracted.v1': {
    ...head('news.article.extracted.v1', 'cmp_00112233445566778899aabb'),
    type: 'news.article.extracted.v1',
    data: {
      articleId: art,
      extractor,
      entityCount: 1,
      eventCount: 1,
      entityIds: [ent],
      eventIds: [evt],
      durationMs: 4.2,
    },
  },
  'news.deadletter.v1': {
    ...head('news.deadletter.v1', 'dlq_00112233445566778899aabb'),
    type: 'news.deadletter.v1',
    data: {
      service: 'extract',
      stream: 'NEWS_ARTICLES',
      consumer: 'extract',
      streamSequence: 42,
      subject: 'news.articles.raw',
      headers: { 'Nats-Msg-Id': [art] },
      payload: '{"not":"an article"}',
      payloadEncoding: 'utf8',
      reason: 'not a newsflow envelope: specversion: expected "1.0"',
      error: 'InvalidMessageError',
      deliveryCount: 1,
      failedAt: '2025-03-14T10:00:00.000Z',
    },
  },
  'news.story.updated.v1': {
    ...head('news.story.updated.v1', 'sty_00112233445566778899aabb-r2'),
    type: 'news.story.updated.v1',
    data: {
      storyId: 'sty_00112233445566778899aabb',
      change: 'updated',
      title: 'Head of ISIS in Iraq and Syria killed in airstrike',
      articleIds: [art, 'art_1ea5e807f02e7703aa11bb22'],
      eventIds: ['cev_00112233445566778899aabb'],
      entityIds: ['cen_00112233445566778899aabb'],
      revision: 2,
      updatedAt: '2025-03-14T10:00:00.000Z',
    },
  },
};
