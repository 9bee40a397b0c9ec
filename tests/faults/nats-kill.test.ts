import { afterEach, describe, expect, it } from 'vitest';
import { newPushStats, pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { settleAndCheck } from './invariant.ts';

let stack: FaultStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

// The store settles ~10-40 articles/s on a busy 2-core machine (one transaction per message), so 400 articles is
// what fits the time budget; ingest accepts them in about a second.
const ARTICLES = 400;

describe('kill -9 of nats-server', () => {
  it('loses and duplicates nothing when the server is killed mid-stream and restarted on the same store', async () => {
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
    const report = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 120_000);
    expect(report.problems).toEqual([]);
    expect(report.stored).toBe(ARTICLES);
    for (const p of s.all()) expect(p.running(), `${p.name} survived the NATS restart`).toBe(true);
  }, 180_000);
});
