import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, natsConfigSchema } from '../config.ts';
import { articleIdFor, sha256Hex } from '../ids.ts';
import { type ArticleRawV1, EXAMPLES, makeMessage } from '../messages/index.ts';
import { type ConfiguredNatsServer, startNatsServerWithConfig } from '../testing/nats-auth.ts';
import { silentLogger } from '../testing/silent-logger.ts';
import { type Bus, openBus } from './bus.ts';
import { provisionConsumer } from './provision.ts';

const silent = silentLogger();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// nats-server parses the value of a $VARIABLE as a config token: it must not start with a digit (docs/security.md).
const password = () => `p${randomBytes(12).toString('hex')}`;

function article(text: string): ArticleRawV1 {
  const id = articleIdFor(text);
  const base = EXAMPLES['news.article.raw.v1'];
  return makeMessage('news.article.raw.v1', {
    id,
    source: 'newsflow/test',
    subject: id,
    data: { ...base.data, id, text, contentHash: sha256Hex(text), byteSize: Buffer.byteLength(text) },
  });
}

/** The sample authorization block of docs/security.md, so the documentation is what gets tested. */
function documentedPermissions(): string {
  const doc = readFileSync(new URL('../../../../docs/security.md', import.meta.url), 'utf8');
  const block = /<!-- nats-permissions:start -->\s*```\n([\s\S]*?)```\s*<!-- nats-permissions:end -->/.exec(
    doc,
  );
  if (!block?.[1]) throw new Error('docs/security.md lacks the nats-permissions block');
  return block[1];
}

describe('per-service NATS permissions (the block in docs/security.md)', () => {
  const passwords = { ingest: password(), extract: password(), store: password(), newsflow: password() };
  const consumerSettings = { maxDeliver: 3, ackWaitMs: 5_000, maxAckPending: 10 };

  async function serviceBus(s: ConfiguredNatsServer, user: keyof typeof passwords): Promise<Bus> {
    const config = loadConfig(natsConfigSchema, {
      NATS_URL: s.url,
      NATS_USER: user,
      NATS_PASSWORD: passwords[user],
    });
    const bus = await openBus(config, user, silent);
    cleanups.push(() => bus.close());
    return bus;
  }

  /** Fetches one message from a durable consumer, acks it, and waits until the server has taken the ack. */
  async function takeOne(bus: Bus, stream: string, durable: string) {
    const consumer = await bus.js.consumers.get(stream, durable);
    const msg = await consumer.next({ expires: 5_000 });
    expect(msg, `a message from ${stream}/${durable}`).not.toBeNull();
    await msg?.ackAck();
    const info = await bus.jsm.consumers.info(stream, durable);
    expect(info.num_ack_pending).toBe(0);
    return msg;
  }

  it('lets each service do its own work and nothing else', async () => {
    const s = await startNatsServerWithConfig(documentedPermissions(), {
      env: {
        NATS_INGEST_PASSWORD: passwords.ingest,
        NATS_EXTRACT_PASSWORD: passwords.extract,
        NATS_STORE_PASSWORD: passwords.store,
        NATS_ADMIN_PASSWORD: passwords.newsflow,
      },
    });
    cleanups.push(() => s.stop());
    const ingest = await serviceBus(s, 'ingest');
    const { catalogue: c } = ingest;
    await ingest.publisher.publish(article('Permitted article.'));
    await expect(ingest.publisher.publish(EXAMPLES['news.entity.v1'])).rejects.toThrow(
      /permissions violation/i,
    );

    const extract = await serviceBus(s, 'extract');
    await provisionConsumer(extract.jsm, c.streams.articles.name, 'extract', c.articlesRaw, consumerSettings);
    await takeOne(extract, c.streams.articles.name, 'extract');
    await extract.publisher.publish(EXAMPLES['news.entity.v1']);
    await extract.publisher.publish(EXAMPLES['news.article.extracted.v1']);
    await expect(extract.publisher.publish(article('Forged by extract.'))).rejects.toThrow(
      /permissions violation/i,
    );

    const store = await serviceBus(s, 'store');
    const { storeArticles, storeExtractions } = c.consumers;
    await provisionConsumer(
      store.jsm,
      c.streams.articles.name,
      storeArticles.durable,
      c.articlesRaw,
      consumerSettings,
    );
    await provisionConsumer(
      store.jsm,
      c.streams.extractions.name,
      storeExtractions.durable,
      '',
      consumerSettings,
    );
    await takeOne(store, c.streams.articles.name, storeArticles.durable);
    await takeOne(store, c.streams.extractions.name, storeExtractions.durable);
    await store.publisher.publish(EXAMPLES['news.story.updated.v1']);
    await expect(store.publisher.publish(EXAMPLES['news.event.v1'])).rejects.toThrow(
      /permissions violation/i,
    );

    const admin = await serviceBus(s, 'newsflow');
    const stories = await admin.jsm.streams.info(c.streams.stories.name);
    expect(stories.state.messages).toBe(1);
  });
});
