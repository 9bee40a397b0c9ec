import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedArticle, newPushStats, postBatch, pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { rawMessages, settleAndCheck } from './invariant.ts';
import type { ServiceProcess } from './service-process.ts';

let stack: FaultStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const BOUND_MS = 20_000;

/** SIGTERM, then how long the process took to exit and with what code. */
async function terminate(p: ServiceProcess): Promise<{ code: number | null; ms: number; log: string }> {
  const t0 = Date.now();
  const { code } = await p.kill('SIGTERM');
  return { code, ms: Date.now() - t0, log: p.log() };
}

async function consumer(s: FaultStack, key: 'articles' | 'extractions', durable: string) {
  const info = await s.bus.jsm.consumers.info(s.bus.catalogue.streams[key].name, durable);
  return { delivered: info.delivered.stream_seq, pending: info.num_pending };
}

describe('graceful shutdown (SIGTERM) during heavy work', () => {
  it('each service exits with 0 within 20 s and nothing acknowledged is lost', async () => {
    stack = await startFaultStack();
    const s = stack;
    const stats = newPushStats();
    const exits: Record<string, { code: number | null; ms: number; log: string }> = {};

    // ingest: SIGTERM while a 200-article request is being published. It may finish the request (then its ids
    // count as acknowledged) or refuse it; either way the client retries what was not acknowledged.
    const body = JSON.stringify(Array.from({ length: 200 }, (_, i) => generatedArticle(i, 'g')));
    const before = await rawMessages(s.bus);
    const inFlight = postBatch(s.ingest.url, body);
    await waitFor(async () => (await rawMessages(s.bus)) > before, 'ingest to be publishing', {
      intervalMs: 5,
    });
    exits.ingest = await terminate(s.ingest);
    const answer = await inFlight;
    if (answer.ok) for (const id of answer.ids) stats.acknowledged.add(id);
    await s.ingest.start();
    await pushArticles({ ingestUrl: () => s.ingest.url, count: 200, batch: 100, salt: 'g', stats });

    // Fresh articles, pushed while extract is stopped mid-batch.
    const pushing = pushArticles({ ingestUrl: () => s.ingest.url, count: 200, batch: 50, salt: 'g2', stats });
    const extract = s.extract[0] as ServiceProcess;
    await waitFor(async () => {
      const c = await consumer(s, 'articles', 'extract');
      return c.delivered > 20 && c.pending > 0;
    }, 'extract to be busy');
    exits.extract = await terminate(extract);
    await extract.start();
    await pushing;

    await waitFor(
      async () => {
        const c = await consumer(s, 'extractions', 'store-extractions');
        return c.delivered > 200 && c.pending > 0;
      },
      'the store to be busy',
      { timeoutMs: 30_000 },
    );
    exits.store = await terminate(s.store);
    await s.store.start();

    for (const [name, exit] of Object.entries(exits)) {
      expect(exit.code, `${name} exit code; its log:\n${exit.log}`).toBe(0);
      expect(exit.ms, `${name} shutdown time`).toBeLessThan(BOUND_MS);
    }
    const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 120_000);
    expect(report.problems).toEqual([]);
    expect(report.stored).toBe(400);
  }, 180_000);
});
