import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StackProcess, startStackProcess } from '@newsflow/cli/testing';
import { waitFor } from '@newsflow/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, testBus } from '../helpers.ts';

// The whole product as a user runs it: `newsflow start` (real processes, its own nats-server, the embedded
// store), seed articles dropped into the inbox, results read back through the HTTP API and `newsflow tail`.
let stack: StackProcess;

async function api<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Resolves once extract and store have nothing pending or unacknowledged. */
async function drained(): Promise<void> {
  const { bus } = await testBus(stack.natsUrl, '');
  try {
    await waitFor(
      async () => {
        let busy = 0;
        for (const spec of Object.values(bus.catalogue.consumers)) {
          const info = await bus.jsm.consumers.info(bus.catalogue.streams[spec.stream].name, spec.durable);
          busy += info.num_pending + info.num_ack_pending;
        }
        return busy === 0;
      },
      'extract and store to drain',
      { timeoutMs: 60_000 },
    );
  } finally {
    await bus.close(); // not dispose(): the streams belong to the running stack
  }
}

type Story = {
  id: string;
  articleCount: number;
  events: Array<{ id: string; type: string; label: string; sourceCount: number }>;
};

beforeAll(async () => {
  stack = await startStackProcess();
}, 180_000);

afterAll(async () => {
  if (!stack) return;
  const code = await stack.stop();
  expect(code, stack.output()).toBe(0);
}, 90_000);

describe('local stack end to end', () => {
  it('turns the two seed articles into one story with merged events and entities', async () => {
    for (const name of readdirSync(join(ROOT, 'seeds')))
      copyFileSync(join(ROOT, 'seeds', name), join(stack.inbox, name));

    const story = await waitFor(
      async () => {
        const list = await api<{ items: Array<{ id: string; articleCount: number }> }>('/v1/stories');
        const two = list.items.find((s) => s.articleCount === 2);
        return two ? api<Story>(`/v1/stories/${two.id}`) : undefined;
      },
      'one story holding both seed articles',
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    type EventDetail = {
      type: string;
      arguments: Array<{ role: string; text: string }>;
      sources: Array<{ articleId: string; outlet: string | null }>;
    };
    const details = await Promise.all(story.events.map((e) => api<EventDetail>(`/v1/events/${e.id}`)));
    const summary = JSON.stringify(
      details.map((d) => [d.type, d.sources.length, d.arguments.map((x) => x.text)]),
    );
    // The killing of al-Rifai: one canonical event, reported by both outlets.
    const killings = details.filter(
      (d) =>
        d.type === 'life.die' && d.arguments.some((x) => x.role === 'victim' && /al-Rifai/i.test(x.text)),
    );
    expect(killings, summary).toHaveLength(1);
    expect(new Set(killings[0]?.sources.map((x) => x.outlet)), summary).toEqual(
      new Set(['www.military.com', 'www.timesofisrael.com']),
    );
    // The Syrian foreign minister's visit: one canonical event with both sources.
    const visits = details.filter((d) => d.type === 'contact.visit');
    expect(visits, summary).toHaveLength(1);
    expect(visits[0]?.sources, summary).toHaveLength(2);

    const people = await api<{ items: Array<{ name: string; aliases: string[] }> }>(
      '/v1/entities?type=person&q=Abu%20Khadija',
    );
    expect(people.items).toHaveLength(1);
    expect(people.items[0]?.name).toMatch(/al-Rifai/);
    expect(people.items[0]?.aliases).toEqual(expect.arrayContaining(['Abu Khadija']));

    // The same events are on the stream for any subscriber.
    const tail = await runCli(['tail', 'news.events.>', '--since', '1', '--limit', '3'], stack.env);
    expect(tail.code).toBe(0);
    expect(tail.stdout.trim().split('\n')).toHaveLength(3);

    const processed = join(stack.inbox, 'processed');
    await waitFor(
      () => existsSync(processed) && readdirSync(processed, { recursive: true }).length >= 2,
      'seeds in processed/',
    );

    // The benchmark's per-service readings (scripts/bench-e2e.ts) find every process of the stack.
    const cpu = stack.cpuMs();
    expect(Object.keys(cpu).sort()).toEqual(['extract', 'ingest', 'nats-server', 'store']);
    expect(cpu.extract).toBeGreaterThan(0);
    expect(Object.keys(await stack.peakMemoryKb()).sort()).toEqual(Object.keys(cpu).sort());
  });

  it('moves a malformed file to failed/ with a reason and keeps running', async () => {
    writeFileSync(join(stack.inbox, 'broken.json'), '{"title": "half an article", "text": ');
    const failed = join(stack.inbox, 'failed');
    // The reason file may be seen before it is fully written: wait until it parses.
    const reason = await waitFor(
      () => {
        const name = existsSync(failed)
          ? readdirSync(failed).find((f) => f.endsWith('.error.json'))
          : undefined;
        if (!name) return undefined;
        try {
          return JSON.parse(readFileSync(join(failed, name), 'utf8')) as unknown;
        } catch {
          return undefined;
        }
      },
      'broken.json in failed/ with its reason',
      { timeoutMs: 30_000 },
    );
    expect(JSON.stringify(reason)).toMatch(/invalid_json/);

    // Still running: a new article is processed after the bad one.
    writeFileSync(
      join(stack.inbox, 'later.txt'),
      'Later news\n\nThe mayor of Springfield opened a new bridge on Monday, officials said.\n',
    );
    await waitFor(
      async () => (await api<{ items: unknown[] }>('/v1/articles')).items.length >= 3,
      'the later article to be stored',
      { timeoutMs: 60_000 },
    );
  });

  it('replays extraction of every stored article without duplicating anything', async () => {
    await drained();
    const before = {
      events: await api<{ items: unknown[] }>('/v1/events?limit=200'),
      entities: await api<{ items: unknown[] }>('/v1/entities?limit=200'),
      stories: await api<{ items: unknown[] }>('/v1/stories'),
    };
    const stored = await api<{ items: unknown[] }>('/v1/articles?limit=200');
    const r = await runCli(['replay'], stack.env, { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${stored.items.length} article(s) re-published`);
    // The replayed articles go through extract and store again; then nothing may have changed.
    await drained();
    expect(await api('/v1/events?limit=200')).toEqual(before.events);
    expect(await api('/v1/entities?limit=200')).toEqual(before.entities);
    expect((await api<{ items: unknown[] }>('/v1/stories')).items).toHaveLength(before.stories.items.length);
  });

  it('answers `newsflow query` and publishes with `newsflow ingest` against the running stack', async () => {
    const stories = await runCli(['query', 'stories', '--json'], stack.env);
    expect(stories.code, stories.stderr).toBe(0);
    expect(JSON.parse(stories.stdout).items.some((s: { articleCount: number }) => s.articleCount >= 2)).toBe(
      true,
    );
    const people = await runCli(['query', 'entities', '--type', 'person', '--q', 'Abu Khadija'], stack.env);
    expect(people.code, people.stderr).toBe(0);
    expect(people.stdout).toMatch(/al-Rifai/);

    const file = join(stack.dir, 'cli-article.json');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Harbour reopens',
        text: 'The port of Easthaven reopened on Friday after repairs, the mayor said.',
      }),
    );
    const ingested = await runCli(['ingest', file], stack.env);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(ingested.stdout).toMatch(/1 published/);
    await waitFor(
      async () =>
        (await api<{ items: Array<{ title: string | null }> }>('/v1/articles')).items.some(
          (a) => a.title === 'Harbour reopens',
        ),
      'the CLI-ingested article in the store',
      { timeoutMs: 30_000 },
    );
    const again = await runCli(['ingest', file], stack.env);
    expect(again.stdout).toMatch(/0 published, 1 duplicate/);
  });
});
