import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type AnyMessage, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { freePort, uniqueNamespace, waitFor } from '@newsflow/shared/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openDb } from './db/open.ts';
import {
  type Engine,
  seedMessages,
  silentLogger,
  syntheticArticle,
  tempPostgres,
  tempSqlite,
} from './testing.ts';

const MAIN = join(import.meta.dirname, 'main.ts');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Runs `main.ts` in a child process, as it runs in production. */
function startChild(env: Record<string, string>): {
  child: ChildProcess;
  exited: Promise<number | null>;
  log: () => string;
} {
  const child = spawn(process.execPath, ['--no-warnings', MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return { child, exited, log: () => stderr };
}

describe.each(['sqlite', 'postgres'] as const)('crash safety on %s', (engine: Engine) => {
  it('persists every message exactly once when the store is killed mid-stream and restarted', async () => {
    const env: Record<string, string> = {
      NATS_URL: inject('natsUrl'),
      NEWSFLOW_NAMESPACE: uniqueNamespace(),
      NEWSFLOW_API_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      // Messages in flight at the kill come back after the ack wait; keep it short so the test stays fast.
      NEWSFLOW_STORE_ACK_WAIT: '1s',
    };
    if (engine === 'sqlite') {
      const t = await tempSqlite();
      await t.db.close();
      env.NEWSFLOW_DATA_DIR = t.dir;
      cleanups.push(t.dispose);
    } else {
      const t = await tempPostgres(inject('databaseUrl'));
      await t.db.close();
      env.DATABASE_URL = t.url;
      cleanups.push(t.dispose);
    }
    const bus = await openBus(loadConfig(natsConfigSchema, env), 'crash-test', silentLogger());
    cleanups.push(async () => {
      for (const s of Object.values(bus.catalogue.streams))
        await bus.jsm.streams.delete(s.name).catch(() => undefined);
      await bus.close();
    });
    const articles = 60;
    const messages: AnyMessage[] = [...seedMessages()];
    for (let i = 0; i < articles; i++) messages.push(...syntheticArticle(i));
    await bus.publisher.publishAll(messages);

    const db = openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.NEWSFLOW_DATA_DIR ?? '' });
    cleanups.push(() => db.close());
    const processed = async () =>
      Number(
        (
          await db
            .get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM processed_messages')
            .catch(() => undefined)
        )?.n ?? 0,
      );

    const first = startChild(env);
    await waitFor(
      async () => (await processed()) >= 100,
      `100 messages stored before the kill (${first.log()})`,
      { timeoutMs: 30_000 },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const beforeRestart = await processed();
    expect(beforeRestart).toBeLessThan(messages.length);

    const second = startChild(env);
    const stream = bus.catalogue.streams;
    await waitFor(
      async () => {
        if ((await processed()) < messages.length) return false;
        const a = await bus.jsm.consumers.info(stream.articles.name, 'store-articles');
        const x = await bus.jsm.consumers.info(stream.extractions.name, 'store-extractions');
        return a.num_pending + a.num_ack_pending + x.num_pending + x.num_ack_pending === 0;
      },
      `every message stored and acknowledged after the restart (${second.log()})`,
      { timeoutMs: 60_000 },
    );
    const count = async (table: string) =>
      Number((await db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${table}`))?.n);
    const of = (type: string) => messages.filter((m) => m.type === type).length;
    expect(await count('processed_messages')).toBe(messages.length);
    expect(await count('articles')).toBe(of('news.article.raw.v1'));
    expect(await count('entities')).toBe(of('news.entity.v1'));
    expect(await count('events')).toBe(of('news.event.v1'));
    expect(await count('event_sources')).toBe(of('news.event.v1'));
    expect(await count('story_articles')).toBe(of('news.article.raw.v1'));
    expect(await db.all("SELECT state FROM extractions WHERE state <> 'complete'")).toEqual([]);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
