import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MERGE_SETTINGS } from '../handlers/deps.ts';
import { createFeeder } from '../handlers/feed.ts';
import { createMetrics } from '../metrics.ts';
import { seedMessages, silentLogger, tempSqlite } from '../testing.ts';
import { buildApi } from './server.ts';

let t: Awaited<ReturnType<typeof tempSqlite>>;
let app: ReturnType<typeof buildApi>;
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not types
type Json = any;

const TOKEN = 'a-very-secret-token-123';

beforeAll(async () => {
  t = await tempSqlite();
  const feed = createFeeder({ db: t.db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS });
  for (const m of seedMessages()) await feed(m);
  app = buildApi({ db: t.db, log: silentLogger(), metrics: createMetrics(), token: TOKEN });
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

const get = async (url: string, auth = true) => {
  const res = await app.inject({ url, headers: auth ? { authorization: `Bearer ${TOKEN}` } : {} });
  return { status: res.statusCode, body: res.json() as Json };
};

describe('query API (embedded engine, seed articles)', () => {
  it('finds al-Rifai by his alias and lists his mentions in both articles and the killing', async () => {
    const found = await get('/v1/entities?type=person&q=khadija');
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ name: 'Abdallah Maki Mosleh al-Rifai', articleCount: 2 });
    const entity = await get(`/v1/entities/${found.body.items[0].id}`);
    expect(new Set(entity.body.mentions.map((m: { articleId: string }) => m.articleId)).size).toBe(2);
    expect(entity.body.roles).toContainEqual(expect.objectContaining({ title: 'deputy caliph' }));
    expect(entity.body.events).toContainEqual(expect.objectContaining({ type: 'life.die', role: 'victim' }));
  });

  it('shows the killing as one event with two sources, outlets and evidence', async () => {
    const list = await get('/v1/events?type=life.die');
    expect(list.body.items).toEqual([expect.objectContaining({ sourceCount: 2 })]);
    const event = await get(`/v1/events/${list.body.items[0].id}`);
    expect(event.body.sources.map((s: { outlet: string }) => s.outlet).sort()).toEqual([
      'www.military.com',
      'www.timesofisrael.com',
    ]);
    expect(event.body.sources[0].evidence).toMatch(/killed/);
    expect(event.body.arguments).toContainEqual(
      expect.objectContaining({
        role: 'victim',
        text: 'Abdallah Maki Mosleh al-Rifai',
        sources: expect.any(Array),
      }),
    );
  });

  it('filters events by category and by a canonical entity', async () => {
    const contact = await get('/v1/events?type=contact');
    expect(contact.body.items.map((e: { type: string }) => e.type).sort()).toEqual([
      'contact.statement',
      'contact.visit',
    ]);
    const rifai = (await get('/v1/entities?q=rifai')).body.items[0].id;
    const his = await get(`/v1/events?entity=${rifai}`);
    expect(his.body.items.map((e: { type: string }) => e.type)).toEqual(['life.die']);
  });

  it('returns one story holding both articles, its events and entities', async () => {
    const stories = await get('/v1/stories');
    expect(stories.body.items).toHaveLength(1);
    const story = await get(`/v1/stories/${stories.body.items[0].id}`);
    expect(story.body.articles).toHaveLength(2);
    expect(story.body.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['life.die', 'contact.visit']),
    );
    expect(story.body.entities[0]).toMatchObject({ type: expect.any(String), mentions: expect.any(Number) });
  });

  it('returns an article with its entities, mentions and events', async () => {
    const list = await get('/v1/articles');
    expect(list.body.items).toHaveLength(2);
    const article = await get(`/v1/articles/${list.body.items[0].id}`);
    expect(article.body.entities.length).toBeGreaterThan(5);
    expect(article.body.entities[0].mentions.length).toBeGreaterThan(0);
    expect(article.body.events.length).toBe(3);
    expect(article.body.extraction).toBe('complete');
  });

  it('pages through results with a cursor until the last page', async () => {
    const seen: string[] = [];
    let url = '/v1/entities?limit=7';
    for (let i = 0; i < 20; i++) {
      const res = await get(url);
      seen.push(...res.body.items.map((e: { id: string }) => e.id));
      if (!res.body.nextCursor) break;
      url = `/v1/entities?limit=7&cursor=${res.body.nextCursor}`;
    }
    const all = await get('/v1/entities?limit=200');
    expect(seen).toEqual(all.body.items.map((e: { id: string }) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers bad parameters with 400 naming the parameter', async () => {
    expect((await get('/v1/entities?type=planet')).body.issues[0].param).toBe('type');
    expect((await get('/v1/events?from=yesterday')).status).toBe(400);
    expect((await get('/v1/events?from=2025-03-10&to=2025-03-01')).body.issues[0].param).toBe('from');
    expect((await get('/v1/articles?limit=5000')).body.issues[0].param).toBe('limit');
    expect((await get('/v1/articles?cursor=garbage')).body.issues[0].param).toBe('cursor');
    expect((await get('/v1/stories?colour=red')).status).toBe(400);
    expect((await get('/v1/articles/not-an-id')).status).toBe(400);
  });

  it('answers unknown ids with 404 and treats search text as data, not SQL', async () => {
    expect((await get('/v1/stories/sty_000000000000000000000000')).status).toBe(404);
    const injection = await get(`/v1/entities?q=${encodeURIComponent("x' OR '1'='1")}`);
    expect(injection).toEqual({ status: 200, body: { items: [] } });
    expect((await get('/v1/entities?q=%25')).body.items).toEqual([]);
  });

  it('requires the bearer token on /v1 but not on health and metrics', async () => {
    expect((await get('/v1/stories', false)).status).toBe(401);
    expect(
      (await app.inject({ url: '/v1/stories', headers: { authorization: 'Bearer wrong-token-of-same-len' } }))
        .statusCode,
    ).toBe(401);
    expect((await get('/healthz', false)).status).toBe(200);
    expect((await get('/readyz', false)).body).toEqual({ status: 'ready', checks: { database: true } });
    const metrics = await app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/newsflow_store_consumer_pending/);
  });
});
