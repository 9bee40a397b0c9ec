import { EXAMPLES, makeMessage, provisionConsumer, startConsumer } from '@newsflow/shared';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { runCli, silentLog, testBus } from '../helpers.ts';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of disposers.splice(0).reverse()) await d();
});

async function setup() {
  const t = await testBus(inject('natsUrl'));
  disposers.push(t.dispose);
  return t;
}

describe('newsflow tail / status / dlq (real CLI, real nats-server)', () => {
  it('tail --since 0-sequence prints one human line per event and --json prints raw messages', async () => {
    const { bus, env } = await setup();
    await bus.publisher.publish(EXAMPLES['news.event.v1']);
    await bus.publisher.publish(EXAMPLES['news.entity.v1']);
    const human = await runCli(['tail', '--since', '1', '--limit', '1'], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/life\.die\s+"killed"/);
    expect(human.stdout).not.toContain('Abdallah'); // the entity is not on news.events.>
    const json = await runCli(
      ['tail', `${bus.catalogue.namespace}.news.entities.>`, '--since', '1', '--limit', '1', '--json'],
      env,
    );
    expect(JSON.parse(json.stdout.trim())).toEqual(EXAMPLES['news.entity.v1']);
  });

  it('tail refuses a bad --since with exit code 2', async () => {
    const { env } = await setup();
    const r = await runCli(['tail', '--since', 'yesterday'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/neither a time/);
  });

  it('status reports stream counts and consumer lag; dlq retry re-drives a dead letter', async () => {
    const { bus, env } = await setup();
    const spec = bus.catalogue.consumers.extract;
    const stream = bus.catalogue.streams.articles.name;
    await provisionConsumer(bus.jsm, stream, spec.durable, spec.filter, {
      maxDeliver: 1,
      ackWaitMs: 5000,
      maxAckPending: 10,
    });

    // A handler that is broken at first: the article ends in the DLQ.
    let fixed = false;
    const handled: string[] = [];
    const consumer = await startConsumer({
      js: bus.js,
      stream,
      durable: spec.durable,
      service: 'extract',
      accept: ['news.article.raw.v1'],
      handler: async (m) => {
        if (!fixed) throw new Error('extractor bug');
        handled.push(m.id);
      },
      publisher: bus.publisher,
      log: silentLog,
      maxDeliver: 1,
    });
    disposers.push(() => consumer.stop());
    const article = EXAMPLES['news.article.raw.v1'];
    await bus.publisher.publish(
      makeMessage('news.article.raw.v1', { id: article.id, source: 'test', data: article.data }),
    );
    await waitFor(() => consumer.stats.deadLettered === 1, 'the article to be dead-lettered');
    // term() is asynchronous: wait until the server has processed it.
    await waitFor(
      async () => (await bus.jsm.consumers.info(stream, spec.durable)).num_ack_pending === 0,
      'term to land',
    );
    const status = await runCli(['status', '--json'], env);
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report.deadLetters).toEqual({ extract: 1 });
    expect(report.streams.find((s: { name: string }) => s.name === stream).messages).toBe(1);
    expect(report.consumers).toEqual([
      expect.objectContaining({ name: 'extract', pending: 0, ackPending: 0 }),
    ]);

    const list = await runCli(['dlq', 'list'], env);
    expect(list.stdout).toMatch(/extract .*failed 1 times; last error: extractor bug/);

    fixed = true;
    const retry = await runCli(['dlq', 'retry', '--service', 'extract'], env);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('1 dead letter(s) retried');
    await waitFor(() => handled.length === 1, 'the retried article to be handled');
    expect(handled).toEqual([article.id]);
    const after = JSON.parse((await runCli(['status', '--json'], env)).stdout);
    expect(after.deadLetters).toEqual({});
  });

  it('unknown commands and options exit with 2 and say why', async () => {
    const { env } = await setup();
    expect((await runCli(['frobnicate'], env)).code).toBe(2);
    const r = await runCli(['status', '--bogus'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--bogus'/);
  });
});
