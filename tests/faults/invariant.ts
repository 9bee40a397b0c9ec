import type { Bus } from '@newsflow/shared';
import { waitFor } from '@newsflow/shared/testing';

/** Durable consumers whose backlog must drain to zero. */
export const DURABLES = [
  { key: 'articles', durable: 'extract' },
  { key: 'articles', durable: 'store-articles' },
  { key: 'extractions', durable: 'store-extractions' },
] as const;

/** num_pending + num_ack_pending per durable consumer. */
export async function backlog(bus: Bus): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const d of DURABLES) {
    const info = await bus.jsm.consumers.info(bus.catalogue.streams[d.key].name, d.durable);
    out[d.durable] = info.num_pending + info.num_ack_pending;
  }
  return out;
}

/** A stored article as the list API reports it. */
export interface StoredSummary {
  id: string;
  extraction: string;
}

/** Every article the store API lists (cursor pagination, 200 a page: the API's maximum). */
export async function listStored(apiUrl: string): Promise<StoredSummary[]> {
  const out: StoredSummary[] = [];
  let cursor: string | null | undefined;
  do {
    const q = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${apiUrl}/v1/articles?${q}`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`GET /v1/articles: HTTP ${res.status}`);
    const page = (await res.json()) as { items: StoredSummary[]; nextCursor?: string | null };
    out.push(...page.items.map((a) => ({ id: a.id, extraction: a.extraction })));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Per-article counts the extractor announced on news.articles.extracted, and how many such messages exist. */
export async function completions(
  bus: Bus,
): Promise<{ messages: number; byArticle: Map<string, { entityCount: number; eventCount: number }> }> {
  const stream = bus.catalogue.streams.extractions.name;
  const subject = bus.catalogue.articlesExtracted;
  const info = await bus.jsm.streams.info(stream, { subjects_filter: subject });
  const messages = info.state.subjects?.[subject] ?? 0;
  const byArticle = new Map<string, { entityCount: number; eventCount: number }>();
  if (messages === 0) return { messages, byArticle };
  const consumer = await bus.js.consumers.get(stream, { filter_subjects: subject });
  let read = 0;
  while (read < messages) {
    const batch = await consumer.fetch({ max_messages: Math.min(1000, messages - read), expires: 5000 });
    let got = 0;
    for await (const m of batch) {
      got++;
      const data = (m.json() as { data: { articleId: string; entityCount: number; eventCount: number } })
        .data;
      byArticle.set(data.articleId, { entityCount: data.entityCount, eventCount: data.eventCount });
    }
    if (got === 0) throw new Error(`read ${read} of ${messages} completion messages, then nothing`);
    read += got;
  }
  await consumer.delete().catch(() => undefined);
  return { messages, byArticle };
}

/** Number of messages on the raw-article subject (each acknowledged article must be there exactly once). */
export async function rawMessages(bus: Bus): Promise<number> {
  const stream = bus.catalogue.streams.articles.name;
  const subject = bus.catalogue.articlesRaw;
  const info = await bus.jsm.streams.info(stream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

/** Entities and events the store holds for one article (GET /v1/articles/:id). */
export async function articleCounts(
  apiUrl: string,
  id: string,
): Promise<{ entities: number; events: number }> {
  const res = await fetch(`${apiUrl}/v1/articles/${id}`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET /v1/articles/${id}: HTTP ${res.status}`);
  const body = (await res.json()) as { entities: unknown[]; events: unknown[] };
  return { entities: body.entities.length, events: body.events.length };
}

/** What the invariant check found; `problems` is empty when it holds. */
export interface InvariantReport {
  acknowledged: number;
  stored: number;
  complete: number;
  rawMessages: number;
  completionMessages: number;
  entities: number;
  events: number;
  backlog: Record<string, number>;
  problems: string[];
}

/**
 * Waits until every consumer's backlog is zero and every acknowledged article is stored with its extraction
 * complete, then checks the invariant (see `check`).
 */
export async function settleAndCheck(
  bus: Bus,
  apiUrl: string,
  acknowledged: ReadonlySet<string>,
  timeoutMs = 60_000,
  options: CheckOptions = {},
): Promise<InvariantReport> {
  await settle(bus, apiUrl, acknowledged, timeoutMs);
  return check(bus, apiUrl, acknowledged, options);
}

/** Waits until no durable consumer has anything pending or unacknowledged and every acknowledged id is complete. */
export async function settle(
  bus: Bus,
  apiUrl: string,
  acknowledged: ReadonlySet<string>,
  timeoutMs = 60_000,
): Promise<void> {
  let last = '';
  await waitFor(
    async () => {
      let failure = '';
      const b = await backlog(bus).catch((err: Error) => ({ error: err.message }));
      const stored = await listStored(apiUrl).catch((err: Error) => {
        failure = `${err.message}; `;
        return [];
      });
      const complete = new Set(stored.filter((s) => s.extraction === 'complete').map((s) => s.id));
      const missing = [...acknowledged].filter((id) => !complete.has(id)).length;
      last = `${failure}backlog ${JSON.stringify(b)}, ${missing} of ${acknowledged.size} acknowledged not yet complete`;
      return missing === 0 && Object.values(b).every((n) => n === 0);
    },
    'the pipeline to settle',
    { timeoutMs, intervalMs: 250 },
  ).catch((err: Error) => {
    throw new Error(`${err.message}: ${last}`);
  });
}

/** Adjustments for tests that re-publish articles on purpose. */
export interface CheckOptions {
  /** Raw-article messages re-published deliberately (`newsflow dlq retry`): expected on the subject as extras. */
  republished?: number;
}

/**
 * The invariant, checked without waiting: each acknowledged article stored exactly once (once in the API listing,
 * once on the raw subject, one completion message), with exactly the entity and event counts its completion
 * announced (every article checked through GET /v1/articles/:id), and nothing pending or unacknowledged.
 */
export async function check(
  bus: Bus,
  apiUrl: string,
  acknowledged: ReadonlySet<string>,
  options: CheckOptions = {},
): Promise<InvariantReport> {
  const problems: string[] = [];
  const stored = await listStored(apiUrl);
  const ids = stored.map((s) => s.id);
  if (new Set(ids).size !== ids.length) problems.push('an article is listed more than once');
  const complete = stored.filter((s) => s.extraction === 'complete');
  const completeIds = new Set(complete.map((s) => s.id));
  const missing = [...acknowledged].filter((id) => !completeIds.has(id));
  if (missing.length) problems.push(`${missing.length} acknowledged articles missing or incomplete`);
  const raw = await rawMessages(bus);
  const expectedRaw = stored.length + (options.republished ?? 0);
  if (raw !== expectedRaw) problems.push(`${raw} raw messages, expected ${expectedRaw}`);
  const done = await completions(bus);
  if (done.messages !== stored.length) {
    problems.push(`${done.messages} completion messages for ${stored.length} stored articles`);
  }
  let entities = 0;
  let events = 0;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.pop(); id; id = queue.pop()) {
      const c = await articleCounts(apiUrl, id);
      const want = done.byArticle.get(id);
      entities += c.entities;
      events += c.events;
      if (!want) problems.push(`${id}: no completion message`);
      else if (want.entityCount !== c.entities || want.eventCount !== c.events) {
        problems.push(
          `${id}: stored ${c.entities} entities/${c.events} events, announced ${want.entityCount}/${want.eventCount}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const b = await backlog(bus);
  if (Object.values(b).some((n) => n !== 0)) problems.push(`backlog left: ${JSON.stringify(b)}`);
  return {
    acknowledged: acknowledged.size,
    stored: stored.length,
    complete: complete.length,
    rawMessages: raw,
    completionMessages: done.messages,
    entities,
    events,
    backlog: b,
    problems: problems.slice(0, 20),
  };
}
