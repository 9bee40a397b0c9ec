import { nanos } from '@nats-io/nats-core';
import { waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { backlog, settleAndCheck } from './invariant.ts';
import { sqliteCounts } from './redeliver.ts';
import type { ServiceProcess } from './service-process.ts';

let stack: FaultStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** newsflow_extract_articles_total of one replica. */
async function extracted(p: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${p.url}/metrics`)).text();
  return Number(/^newsflow_extract_articles_total (\d+)/m.exec(text)?.[1] ?? 0);
}

// The extract service provisions its consumer with a 30 s ack wait (services/extract/src/service.ts). To keep the
// suite short, the test lowers it on the server once both replicas run (what NEWSFLOW_EXTRACT_ACK_WAIT would do).
const ACK_WAIT_MS = 3000;
const ARTICLES = 300;

describe('a consumer paused beyond its ack wait', () => {
  it('has its messages redelivered to the other replica, and nothing is stored twice', async () => {
    stack = await startFaultStack({ extractReplicas: 2 });
    const s = stack;
    const [a, b] = s.extract as [ServiceProcess, ServiceProcess];
    const articlesStream = s.bus.catalogue.streams.articles.name;
    await s.bus.jsm.consumers.update(articlesStream, 'extract', { ack_wait: nanos(ACK_WAIT_MS) });

    // Replica 1 freezes with its pull request outstanding: the server keeps handing it messages it cannot handle.
    a.pause();
    const stats = await pushArticles({
      ingestUrl: () => s.ingest.url,
      count: ARTICLES,
      batch: 100,
      salt: 'p',
    });

    // Replica 1 is frozen with messages in hand: the backlog can only drain if they are redelivered to replica 2.
    await waitFor(async () => (await backlog(s.bus)).extract === 0, 'extract backlog to drain while paused', {
      timeoutMs: 60_000,
    });
    const whilePaused = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 60_000);
    expect(whilePaused.problems).toEqual([]);
    const counts = sqliteCounts(s.dataDir);

    // Replica 1 wakes up, finishes what it held (publishing duplicates) and acks late: nothing changes.
    a.resume();
    await waitFor(async () => (await extracted(a)) > 0, 'replica 1 to finish what it held');
    const after = await settleAndCheck(s.bus, s.store.url, stats.acknowledged, 30_000);
    expect(after.problems).toEqual([]);
    expect(after.stored).toBe(ARTICLES);
    expect(sqliteCounts(s.dataDir)).toEqual(counts);
    // Replica 2 extracted every article while replica 1 was frozen, so what replica 1 held was redelivered.
    expect(await extracted(b)).toBeGreaterThanOrEqual(ARTICLES);
  }, 120_000);
});
