import { type RestartablePostgres, startRestartablePostgres, waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { newPushStats, pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { settleAndCheck } from './invariant.ts';

let stack: FaultStack | undefined;
let pg: RestartablePostgres | undefined;
afterEach(async () => {
  await stack?.stop();
  await pg?.dispose();
  stack = undefined;
  pg = undefined;
});

async function startWithPostgres() {
  pg = await startRestartablePostgres();
  stack = await startFaultStack({ databaseUrl: pg.url });
  return { s: stack, db: pg };
}

describe('a transient PostgreSQL outage', () => {
  it('is ridden out by retrying in place: after recovery every article is stored once, nothing dead-lettered', async () => {
    const { s, db } = await startWithPostgres();
    const stats = newPushStats();
    await pushArticles({ ingestUrl: () => s.ingest.url, count: 20, batch: 20, salt: 'pg1', stats });
    await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 60_000);

    // The store is idle (its pooled connections are idle) when PostgreSQL stops; then articles keep coming.
    await db.stop();
    await pushArticles({ ingestUrl: () => s.ingest.url, count: 40, batch: 20, salt: 'pg2', stats });
    const info = () => s.bus.jsm.consumers.info(s.bus.catalogue.streams.articles.name, 'store-articles');
    await waitFor(
      async () => {
        const ready = await fetch(`${s.store.url}/readyz`).then((r) => r.status);
        // Transient failures are retried in place: the messages stay held (unacked), not redelivered.
        return ready === 503 && (await info()).num_ack_pending > 0;
      },
      'the store to report the outage and hold its messages',
      { timeoutMs: 20_000 },
    );
    await db.start();

    const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 90_000);
    expect(report.problems).toEqual([]);
    expect(report.stored).toBe(60);
    const dlq = await s.bus.jsm.streams.info(s.bus.catalogue.streams.dlq.name);
    expect(dlq.state.messages, 'dead letters after a brief outage').toBe(0);
    expect(s.store.running(), s.store.log()).toBe(true);
  }, 120_000);

  // Was a bug: transient failures used up deliveries, so an outage over ~8 s dead-lettered everything. The consume
  // loop now retries transient failures in place (up to a minute) without using up deliveries.
  it('stores every article after a 20 s outage without dead-lettering any', async () => {
    const { s, db } = await startWithPostgres();
    const stats = newPushStats();
    await db.stop();
    await pushArticles({ ingestUrl: () => s.ingest.url, count: 30, batch: 30, salt: 'long', stats });
    const started = Date.now();
    await waitFor(() => Date.now() - started > 20_000, 'a 20 s outage', {
      timeoutMs: 25_000,
      intervalMs: 500,
    });
    await db.start();
    const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 60_000).catch(
      (err: Error) => ({
        problems: [err.message],
      }),
    );
    const dlq = await s.bus.jsm.streams.info(s.bus.catalogue.streams.dlq.name);
    expect({ problems: report.problems, deadLetters: dlq.state.messages }).toEqual({
      problems: [],
      deadLetters: 0,
    });
    // Longer than the steps' own limits added up (start-up, the 25 s wait, PostgreSQL's restart, the 60 s settle), so
    // a slow step fails with its own message rather than this test's timeout (seen once under the full suite's load).
  }, 200_000);

  // Was bug 1 in docs/reliability.md: a connection lost mid-transaction crashed the store.
  it('keeps running when PostgreSQL stops while transactions are in progress', async () => {
    const { s, db } = await startWithPostgres();
    const stats = await pushArticles({ ingestUrl: () => s.ingest.url, count: 200, batch: 100, salt: 'mid' });
    const info = () =>
      s.bus.jsm.consumers.info(s.bus.catalogue.streams.extractions.name, 'store-extractions');
    await waitFor(
      async () => {
        const c = await info();
        return c.delivered.stream_seq > 100 && c.num_pending > 0;
      },
      'the store to be mid-stream',
      { timeoutMs: 60_000 },
    );
    await db.stop();
    // Transient failures are retried in place: wait until the store reports the outage (or has crashed).
    await waitFor(
      async () => {
        if (!s.store.running()) return true;
        const ready = await fetch(`${s.store.url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        return ready === 503 && (await info()).num_ack_pending > 0;
      },
      'the store to report the outage, or a crash',
      { timeoutMs: 20_000 },
    );
    await db.start();
    expect(s.store.running(), `the store exited:\n${s.store.log()}`).toBe(true);
    const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 120_000);
    expect(report.problems).toEqual([]);
  });
});
