import { join } from 'node:path';
import { waitFor } from '@newsflow/shared/testing';
import { openSqliteFile } from '@newsflow/store';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.ts';
import { generatedArticle, newPushStats, postBatch, pushArticles } from './articles.ts';
import { type FaultStack, startFaultStack } from './harness.ts';
import { settle, settleAndCheck } from './invariant.ts';

let stack: FaultStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const MAX_DELIVER = 3;

/**
 * Simulates a store defect that hits one kind of article every time: a trigger in the store's own database refuses
 * articles whose title says POISON, with a non-transient error (so the consume loop retries, then dead-letters).
 */
function withDatabase(dataDir: string, sql: string): void {
  const db = openSqliteFile(join(dataDir, 'newsflow.db'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

interface ListedDeadLetter {
  seq: number;
  data: { service: string; subject: string; reason: string; deliveryCount: number; payload: string };
}

describe('a poison message', () => {
  it('is dead-lettered with its reason after max deliveries while the consumer keeps going, and dlq retry re-drives it after a fix', async () => {
    stack = await startFaultStack({ env: { store: { NEWSFLOW_STORE_MAX_DELIVER: String(MAX_DELIVER) } } });
    const s = stack;
    withDatabase(
      s.dataDir,
      `CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.title LIKE '%POISON%'
       BEGIN SELECT RAISE(ABORT, 'simulated defect: this article cannot be stored'); END;`,
    );
    const poison = { ...generatedArticle(0, 'poison'), title: 'POISON article' };
    const first = await postBatch(s.ingest.url, JSON.stringify([poison]));
    if (!first.ok) throw new Error(first.error);
    const poisonId = first.ids[0] as string;
    const healthy = newPushStats();
    await pushArticles({
      ingestUrl: () => s.ingest.url,
      count: 60,
      batch: 20,
      salt: 'healthy',
      stats: healthy,
    });

    const list = async () => {
      const r = await runCli(['dlq', 'list', '--service', 'store', '--json'], s.env);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ListedDeadLetter);
    };
    let letters: ListedDeadLetter[] = [];
    await waitFor(
      async () => {
        letters = await list();
        return letters.length > 0;
      },
      'the poison message in news.dlq.store',
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(letters).toHaveLength(1);
    const letter = letters[0] as ListedDeadLetter;
    expect(letter.data.subject).toBe(s.bus.catalogue.articlesRaw);
    expect(letter.data.deliveryCount).toBe(MAX_DELIVER);
    expect(letter.data.reason).toContain(`failed ${MAX_DELIVER} times`);
    expect(letter.data.reason).toContain('simulated defect');
    expect(letter.data.payload).toContain(poisonId);

    // The consumer kept going: every healthy article is stored with its extraction.
    await settle(s.bus, s.store.url, healthy.acknowledged, 90_000);
    expect((await fetch(`${s.store.url}/v1/articles/${poisonId}`)).status).toBe(404);

    // The fix ships (here: the defect is removed), then the operator re-drives the dead letter.
    withDatabase(s.dataDir, 'DROP TRIGGER poison');
    const retry = await runCli(['dlq', 'retry', '--service', 'store'], s.env);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('1 dead letter(s) retried');
    const all = new Set([...healthy.acknowledged, poisonId]);
    const report = await settleAndCheck(s.bus, s.store.url, all, 60_000, { republished: 1 });
    expect(report.problems).toEqual([]);
    expect(report.stored).toBe(61);
    expect(await list()).toEqual([]);
  }, 150_000);
});
