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

type Story = { id: string; articleCount: number; events: Array<{ id: string; type: string; label: string; sourceCount: number }> };

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
    for (const name of readdirSync(join(ROOT, 'seeds'))) copyFileSync(join(ROOT, 'seeds', name), join(stack.inbox, name));

    const story = await waitFor(
      async () => {
        const list = await api<{ items: Array<{ id: string; articleCount: number }> }>('/v1/stories');
        const two = list.items.find((s) => s.articleCount === 2);
        return two ? api<Story>(`/v1/stories/${two.id}`) : undefined;
      },
      'one story holding both seed articles',
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const killing = story.events.find((e) => e.type === 'life.die' || e.type === 'conflict.attack');
    expect(killing, JSON.stringify(story.events)).toBeDefined();
    expect(story.events.filter((e) => e.type === 'life.die').every((e) => e.sourceCount === 2)).toBe(true);
    const visit = story.events.find((e) => /visit|meet|transport/.test(`${e.type} ${e.label}`) && e.sourceCount === 2);
    expect(visit, JSON.stringify(story.events)).toBeDefined();

    const people = await api<{ items: Array<{ name: string; aliases: string[] }> }>('/v1/entities?type=person&q=Abu%20Khadija');
    expect(people.items).toHaveLength(1);
    expect(people.items[0]?.name).toMatch(/al-Rifai/);
    expect(people.items[0]?.aliases).toEqual(expect.arrayContaining(['Abu Khadija']));

    // The same events are on the stream for any subscriber.
    const tail = await runCli(['tail', 'news.events.>', '--since', '1', '--limit', '3'], stack.env);
    expect(tail.code).toBe(0);
    expect(tail.stdout.trim().split('\n')).toHaveLength(3);

    const processed = join(stack.inbox, 'processed');
    await waitFor(() => existsSync(processed) && readdirSync(processed, { recursive: true }).length >= 2, 'seeds in processed/');
  });

  it('moves a malformed file to failed/ with a reason and keeps running', async () => {
    writeFileSync(join(stack.inbox, 'broken.json'), '{"title": "half an article", "text": ');
    const failed = join(stack.inbox, 'failed');
    // The reason file may be seen before it is fully written: wait until it parses.
    const reason = await waitFor(
      () => {
        const name = existsSync(failed) ? readdirSync(failed).find((f) => f.endsWith('.error.json')) : undefined;
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
    writeFileSync(join(stack.inbox, 'later.txt'), 'Later news\n\nThe mayor of Springfield opened a new bridge on Monday, officials said.\n');
    await waitFor(
      async () => (await api<{ items: unknown[] }>('/v1/articles')).items.length >= 3,
      'the later article to be stored',
      { timeoutMs: 60_000 },
    );
  });

  it('replays extraction of every stored article without duplicating anything', async () => {
    const before = {
      events: await api<{ items: unknown[] }>('/v1/events?limit=200'),
      entities: await api<{ items: unknown[] }>('/v1/entities?limit=200'),
      stories: await api<{ items: unknown[] }>('/v1/stories'),
    };
    const stored = await api<{ items: unknown[] }>('/v1/articles?limit=200');
    const r = await runCli(['replay'], stack.env, { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${stored.items.length} article(s) re-published`);
    // Wait until the replayed articles went through extract and store again (all consumers drained).
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
        'the replay to drain',
        { timeoutMs: 60_000 },
      );
    } finally {
      await bus.close(); // not dispose(): the streams belong to the running stack
    }
    expect(await api('/v1/events?limit=200')).toEqual(before.events);
    expect(await api('/v1/entities?limit=200')).toEqual(before.entities);
    expect((await api<{ items: unknown[] }>('/v1/stories')).items).toHaveLength(before.stories.items.length);
  });
});
