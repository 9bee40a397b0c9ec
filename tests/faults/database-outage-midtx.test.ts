// Regression for bug 1 in docs/reliability.md: a connection lost mid-transaction used to crash the store.
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { settleAndCheck } from './invariant.ts';
import { type RestartablePostgres, startRestartablePostgres } from './postgres.ts';

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

describe('a PostgreSQL outage in the middle of transactions', () => {
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
