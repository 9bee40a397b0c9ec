import {
  type AnyMessage,
  loadConfig,
  natsConfigSchema,
  openBus,
  parseMessage,
  subjectFor,
} from '@newsflow/shared';
import { uniqueNamespace, waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadStoreConfig } from './config.ts';
import { DEFAULT_MERGE_SETTINGS } from './handlers/deps.ts';
import { createFeeder } from './handlers/feed.ts';
import { type StoreService, startStore } from './service.ts';
import {
  type Engine,
  seedMessages,
  silentLogger,
  snapshot,
  tempDatabase,
  tempPostgres,
  tempSqlite,
} from './testing.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not types
type Json = any;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A running store on a fresh namespace and a fresh database of the engine. */
async function startTestStore(engine: Engine): Promise<StoreService> {
  const namespace = uniqueNamespace();
  const env: Record<string, string> = {
    NATS_URL: inject('natsUrl'),
    NEWSFLOW_NAMESPACE: namespace,
    NEWSFLOW_API_PORT: '0',
    LOG_LEVEL: 'silent',
  };
  if (engine === 'sqlite') {
    const t = await tempSqlite();
    await t.db.close();
    env.NEWSFLOW_DATA_DIR = t.dir;
    cleanups.push(t.dispose);
  } else {
    const t = await tempPostgres(inject('databaseUrl'));
    env.DATABASE_URL = t.url;
    cleanups.push(t.dispose);
  }
  const store = await startStore(loadStoreConfig(env), silentLogger());
  cleanups.push(async () => {
    await store.stop();
    const admin = await openBus(loadConfig(natsConfigSchema, env), 'cleanup', silentLogger());
    for (const s of Object.values(admin.catalogue.streams))
      await admin.jsm.streams.delete(s.name).catch(() => undefined);
    await admin.close();
  });
  return store;
}

const handled = (store: StoreService) => store.consumers.reduce((n, c) => n + c.stats.handled, 0);

async function getJson(store: StoreService, path: string): Promise<Json> {
  const res = await fetch(`${store.apiUrl}${path}`);
  expect(res.status).toBe(200);
  return res.json();
}

/** Publishes raw payloads without a message id, so JetStream stores every copy (a true duplicate delivery). */
async function publishRaw(store: StoreService, messages: readonly AnyMessage[]): Promise<void> {
  const enc = new TextEncoder();
  await Promise.all(
    messages.map((m) =>
      store.bus.js.publish(subjectFor(store.bus.catalogue, m), enc.encode(JSON.stringify(m))),
    ),
  );
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe.each(['sqlite', 'postgres'] as const)('store service on %s with a real nats-server', (engine) => {
  it('stores the published seed extraction as one story with merged events and entities, and announces it', async () => {
    const store = await startTestStore(engine);
    const messages = seedMessages();
    await store.bus.publisher.publishAll(messages);
    await waitFor(() => handled(store) >= messages.length, 'every seed message to be stored');

    const stories = await getJson(store, '/v1/stories');
    expect(stories.items).toHaveLength(1);
    const story = await getJson(store, `/v1/stories/${stories.items[0].id}`);
    expect(story.articles).toHaveLength(2);
    const byType = Object.fromEntries(
      story.events.map((e: { type: string; sourceCount: number }) => [e.type, e.sourceCount]),
    );
    expect(byType).toMatchObject({ 'life.die': 2, 'contact.visit': 2 });

    const rifai = await getJson(store, '/v1/entities?type=person&q=Abu%20Khadija');
    expect(rifai.items).toEqual([
      expect.objectContaining({ name: 'Abdallah Maki Mosleh al-Rifai', articleCount: 2 }),
    ]);
    expect(rifai.items[0].aliases).toEqual(expect.arrayContaining(['Abu Khadija', 'al-Rifai']));

    const killing = (await getJson(store, `/v1/events?type=life.die&entity=${rifai.items[0].id}`)).items;
    expect(killing).toHaveLength(1);
    const detail = await getJson(store, `/v1/events/${killing[0].id}`);
    expect(detail.sources.map((s: { outlet: string }) => s.outlet).sort()).toEqual([
      'www.military.com',
      'www.timesofisrael.com',
    ]);

    // The story grew in two steps, each announced on news.stories.updated with a deterministic id.
    const streamName = store.bus.catalogue.streams.stories.name;
    await waitFor(
      async () => (await store.bus.jsm.streams.info(streamName)).state.messages === 2,
      'two story updates',
    );
    const last = await store.bus.jsm.streams.getMessage(streamName, {
      last_by_subj: store.bus.catalogue.storiesUpdated,
    });
    const parsed = parseMessage(last?.json());
    expect(parsed.ok && parsed.message.type === 'news.story.updated.v1' && parsed.message.data).toMatchObject(
      {
        storyId: story.id,
        revision: 2,
        articleIds: expect.arrayContaining(story.articles.map((a: { id: string }) => a.id)),
      },
    );
    expect(last?.json<{ id: string }>().id).toBe(`${story.id}-r2`);
  });

  it('ends in the same state when every message is delivered twice in shuffled order', async () => {
    const baseline = await (engine === 'sqlite' ? tempSqlite() : tempDatabase(engine, inject('databaseUrl')));
    cleanups.push(baseline.dispose);
    const feed = createFeeder({ db: baseline.db, log: silentLogger(), settings: DEFAULT_MERGE_SETTINGS });
    for (const m of seedMessages()) await feed(m);

    const store = await startTestStore(engine);
    const twice = shuffled([...seedMessages(), ...seedMessages()]);
    await publishRaw(store, twice);
    await waitFor(() => handled(store) >= twice.length, 'every copy to be handled');
    expect(await snapshot(store.db)).toEqual(await snapshot(baseline.db));
    const stories = await getJson(store, '/v1/stories');
    expect(stories.items).toEqual([expect.objectContaining({ articleCount: 2, revision: 2 })]);
  });
});
