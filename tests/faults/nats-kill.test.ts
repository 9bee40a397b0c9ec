import { afterEach, describe, expect, it } from 'vitest';
import { newPushStats, pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { settleAndCheck } from './invariant.ts';

let stack: FaultStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

// A few thousand articles by default (ingest accepts them in seconds; the stack settles them in two to four
// minutes on 2 cores); NEWSFLOW_FAULT_ARTICLES sets another count for a longer run (docs/reliability.md).
const ARTICLES = Number(process.env.NEWSFLOW_FAULT_ARTICLES ?? 3000);
/** Time to settle: generous for a loaded 2-core machine (~10 articles/s), scaled with the count. */
const SETTLE_MS = Math.max(400_000, ARTICLES * 120);

describe('kill -9 of nats-server', () => {
  it(
    'loses and duplicates nothing when the server is killed mid-stream and restarted on the same store',
    async () => {
      stack = await startFaultStack();
      const s = stack;
      const nats = s.nats;
      if (!nats) throw new Error('the stack must own its nats-server');
      const stats = newPushStats();
      let killed = false;
      await pushArticles({
        ingestUrl: () => s.ingest.url,
        count: ARTICLES,
        batch: 50,
        stats,
        onBatch: async (done) => {
          if (!killed && done >= ARTICLES / 2) {
            killed = true;
            await nats.kill('SIGKILL');
            // While the server is down ingest must refuse (503), never acknowledge.
            const down = await fetch(`${s.ingest.url}/v1/articles`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                title: 'While down',
                text: 'Police in Riverton said nothing happened today.',
              }),
            });
            expect(down.status).not.toBe(200);
            await nats.restart();
          }
        },
      });
      expect(killed).toBe(true);
      expect(stats.acknowledged.size).toBe(ARTICLES);
      const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, SETTLE_MS);
      expect(report.problems).toEqual([]);
      expect(report.stored).toBe(ARTICLES);
      for (const p of s.all()) expect(p.running(), `${p.name} survived the NATS restart`).toBe(true);
    },
    SETTLE_MS + 200_000,
  );
});
