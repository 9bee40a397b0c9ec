import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedArticle, newPushStats, postBatch, pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { rawMessages, settleAndCheck } from './invariant.ts';
import { publishAgain, sqliteCounts } from './redeliver.ts';

let stack: FaultStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** Progress of one durable consumer: delivered stream sequence and what is still pending. */
async function consumer(s: FaultStack, key: 'articles' | 'extractions', durable: string) {
  const info = await s.bus.jsm.consumers.info(s.bus.catalogue.streams[key].name, durable);
  return {
    delivered: info.delivered.stream_seq,
    pending: info.num_pending,
    ackPending: info.num_ack_pending,
  };
}

describe('kill -9 of each service', () => {
  it('stores every acknowledged article exactly once when ingest, extract and store are each killed mid-batch', async () => {
    stack = await startFaultStack();
    const s = stack;
    const stats = newPushStats();

    // ingest: killed while a 300-article request is being published (some articles are in JetStream, the client
    // has no answer); the client retries the whole request after the restart.
    const body = JSON.stringify(Array.from({ length: 300 }, (_, i) => generatedArticle(i, 'k')));
    const before = await rawMessages(s.bus);
    const inFlight = postBatch(s.ingest.url, body);
    await waitFor(
      async () => (await rawMessages(s.bus)) > before + 5,
      'ingest to publish part of the batch',
      {
        intervalMs: 5,
      },
    );
    await s.ingest.kill('SIGKILL');
    expect((await inFlight).ok, 'the killed request was not acknowledged').toBe(false);
    await s.ingest.start();
    await pushArticles({ ingestUrl: () => s.ingest.url, count: 300, batch: 300, salt: 'k', stats });

    // extract: killed with articles in flight and more pending.
    await waitFor(async () => {
      const c = await consumer(s, 'articles', 'extract');
      return c.delivered > 20 && c.pending > 0;
    }, 'extract to be mid-batch');
    await s.extract[0]?.restart('SIGKILL');

    // store: killed while it writes extraction messages.
    await waitFor(
      async () => {
        const c = await consumer(s, 'extractions', 'store-extractions');
        return c.delivered > 200 && c.pending > 0;
      },
      'store to be mid-batch',
      { timeoutMs: 30_000 },
    );
    await s.store.restart('SIGKILL');

    const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 90_000);
    expect(report.problems).toEqual([]);
    expect(report.stored).toBe(300);

    // Extraction messages delivered again under new message ids (as after the broker's duplicate window) change
    // no row. (Raw articles are not re-published here: that re-runs extraction, and while the extractor's code is
    // edited without a version bump a re-run can legitimately emit other ids. Raw duplicates are covered by the
    // ingest retry above and by poison.test.ts's dlq retry.)
    const counts = sqliteCounts(s.dataDir);
    expect(await publishAgain(s.bus, 'extractions', 1000)).toBe(1000);
    await waitFor(
      async () => {
        const c = await s.bus.jsm.consumers.info(
          s.bus.catalogue.streams.extractions.name,
          'store-extractions',
        );
        return c.num_pending + c.num_ack_pending === 0;
      },
      'the store to drain the duplicates',
      { timeoutMs: 30_000 },
    );
    expect(sqliteCounts(s.dataDir)).toEqual(counts);
  }, 150_000);
});
