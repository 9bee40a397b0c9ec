import { type Bus, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { generatedArticle, postBatch } from './articles.ts';
import { type FaultStack, quietLog, startFaultStack } from './harness.ts';
import { backlog } from './invariant.ts';
import { type MemorySummary, memorySummary, percentile } from './soak-stats.ts';

/** How to run a soak. */
export interface SoakOptions {
  /** Seconds of steady load. */
  seconds: number;
  /** Articles per second pushed over HTTP. */
  rate: number;
  /** Articles per POST (default: a tenth of a second's worth, at least 1). */
  batch?: number;
  /** Seconds between progress reports. */
  reportEvery?: number;
  /** Backpressure mode: SIGSTOP the store for `stopMs` out of every `periodMs` while the load runs. */
  slowStore?: { stopMs: number; periodMs: number };
  /** Longest wait for the backlog to drain after the load stops (default 120 s). */
  drainTimeoutMs?: number;
  /** Use a running stack instead of starting one (no memory figures then). */
  external?: { natsUrl: string; namespace?: string; ingestUrl: string; apiUrl: string };
  /** Called with each progress report. */
  onReport?: (r: SoakInterval) => void;
  /** Extra environment per service when the soak starts its own stack. */
  stackEnv?: Parameters<typeof startFaultStack>[0];
}

/** One progress report. */
export interface SoakInterval {
  t: number;
  acknowledged: number;
  stored: number;
  ingestPerSec: number;
  storedPerSec: number;
  lag: number;
  rssMb: Record<string, number>;
  errors: number;
}

/** The final figures. */
export interface SoakSummary {
  seconds: number;
  rate: number;
  acknowledged: number;
  stored: number;
  missing: number;
  ingestPerSec: number;
  storedPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; resolutionMs: number };
  lag: { max: number; atLoadEnd: number; end: number; drainMs: number };
  memory: Record<string, MemorySummary>;
  errors: { http: number; lastHttpError: string; deadLetters: number };
  intervals: SoakInterval[];
}

const POLL_MS = 250;

/**
 * Holds a steady ingest rate over HTTP, watches the store API for completed extractions (publish -> stored
 * latency), consumer lag and each service's RSS, then lets the backlog drain and summarises.
 */
export async function runSoak(o: SoakOptions): Promise<SoakSummary> {
  const stack: FaultStack | undefined = o.external ? undefined : await startFaultStack(o.stackEnv);
  const bus: Bus = stack
    ? stack.bus
    : await openBus(
        loadConfig(natsConfigSchema, {
          NATS_URL: o.external?.natsUrl,
          NEWSFLOW_NAMESPACE: o.external?.namespace ?? '',
        }),
        'soak',
        quietLog,
      );
  const ingestUrl = stack ? stack.ingest.url : (o.external?.ingestUrl as string);
  const apiUrl = stack ? stack.store.url : (o.external?.apiUrl as string);
  const runId = Date.now().toString(36);
  const sentAt = new Map<string, number>(); // acknowledged, not yet seen stored: id -> ack time
  const latencies: number[] = [];
  const rss: Record<string, Array<[number, number]>> = {};
  const intervals: SoakInterval[] = [];
  let acknowledged = 0;
  let stored = 0;
  let httpErrors = 0;
  let lastHttpError = '';
  let lagMax = 0;
  let lastLag = 0;
  const t0 = Date.now();
  const loadEnd = t0 + o.seconds * 1000;
  const batch = o.batch ?? Math.max(1, Math.round(o.rate / 10));
  let stopped = false;

  const sampleMemory = () => {
    for (const p of stack?.all() ?? []) {
      const kb = p.rssKb();
      if (kb === undefined) continue;
      const series = rss[p.name] ?? [];
      series.push([Date.now() - t0, kb]);
      rss[p.name] = series;
    }
  };

  async function produce(): Promise<void> {
    const total = Math.round(o.seconds * o.rate);
    let next = 0;
    while (next < total) {
      const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * o.rate));
      if (next >= due) {
        await new Promise((r) => setTimeout(r, Math.max(5, (1000 * batch) / o.rate / 2)));
        continue;
      }
      const n = Math.min(batch, due - next);
      const body = JSON.stringify(
        Array.from({ length: n }, (_, i) => generatedArticle(next + i, `soak${runId}-`)),
      );
      const result = await postBatch(ingestUrl, body);
      if (!result.ok) {
        httpErrors++;
        lastHttpError = result.error;
        continue; // retried on the next turn: ids make it safe
      }
      const now = Date.now();
      for (const id of result.ids) {
        if (!sentAt.has(id)) sentAt.set(id, now);
      }
      acknowledged += n;
      next += n;
    }
  }

  /** Pages the newest articles until every outstanding id is older than the page; records completions. */
  async function observe(): Promise<void> {
    if (sentAt.size === 0) return;
    const oldest = Math.min(...sentAt.values());
    let cursor: string | null | undefined;
    for (;;) {
      const q = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
      const res = await fetch(`${apiUrl}/v1/articles?${q}`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) return;
      const page = (await res.json()) as {
        items: Array<{ id: string; extraction: string; receivedAt: string }>;
        nextCursor?: string | null;
      };
      const now = Date.now();
      for (const a of page.items) {
        const sent = sentAt.get(a.id);
        if (sent !== undefined && a.extraction === 'complete') {
          latencies.push(now - sent);
          sentAt.delete(a.id);
          stored++;
        }
      }
      const last = page.items[page.items.length - 1];
      cursor = page.nextCursor;
      if (!cursor || !last || Date.parse(last.receivedAt) < oldest - 5000 || sentAt.size === 0) return;
    }
  }

  async function watch(): Promise<void> {
    let lastReport = Date.now();
    let lastAck = 0;
    let lastStored = 0;
    let lastMem = 0;
    while (!stopped) {
      await observe().catch(() => undefined);
      if (Date.now() - lastMem >= 1000) {
        sampleMemory();
        lastMem = Date.now();
      }
      const now = Date.now();
      if (now - lastReport >= (o.reportEvery ?? 5) * 1000) {
        const b = await backlog(bus).catch(() => undefined);
        if (b) {
          lastLag = Object.values(b).reduce((x, y) => x + y, 0);
          lagMax = Math.max(lagMax, lastLag);
        }
        const secs = (now - lastReport) / 1000;
        const r: SoakInterval = {
          t: Math.round((now - t0) / 1000),
          acknowledged,
          stored,
          ingestPerSec: Math.round((acknowledged - lastAck) / secs),
          storedPerSec: Math.round((stored - lastStored) / secs),
          lag: lastLag,
          rssMb: Object.fromEntries(
            Object.entries(rss).map(([k, v]) => [k, Math.round((v[v.length - 1]?.[1] ?? 0) / 1024)]),
          ),
          errors: httpErrors,
        };
        intervals.push(r);
        o.onReport?.(r);
        lastReport = now;
        lastAck = acknowledged;
        lastStored = stored;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async function dutyCycle(): Promise<void> {
    const slow = o.slowStore;
    if (!slow || !stack) return;
    while (Date.now() < loadEnd) {
      stack.store.pause();
      await new Promise((r) => setTimeout(r, slow.stopMs));
      stack.store.resume();
      await new Promise((r) => setTimeout(r, Math.max(0, slow.periodMs - slow.stopMs)));
    }
  }

  const watcher = watch();
  try {
    await Promise.all([produce(), dutyCycle()]);
    const loadEndAt = Date.now();
    const lagAtLoadEnd = Object.values(await backlog(bus)).reduce((x, y) => x + y, 0);
    lagMax = Math.max(lagMax, lagAtLoadEnd);
    const drainUntil = Date.now() + (o.drainTimeoutMs ?? 120_000);
    let lagNow = lagAtLoadEnd;
    while (Date.now() < drainUntil) {
      lagNow = Object.values(await backlog(bus)).reduce((x, y) => x + y, 0);
      if (lagNow === 0 && sentAt.size === 0) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const drainMs = Date.now() - loadEndAt;
    stopped = true;
    await watcher;
    await observe();
    sampleMemory();
    const dlq = await bus.jsm.streams.info(bus.catalogue.streams.dlq.name);
    const elapsed = (loadEndAt - t0) / 1000;
    const total = (Date.now() - t0) / 1000;
    const memory: Record<string, MemorySummary> = {};
    for (const [name, samples] of Object.entries(rss)) memory[name] = memorySummary(samples, 10_000);
    return {
      seconds: o.seconds,
      rate: o.rate,
      acknowledged,
      stored,
      missing: sentAt.size,
      ingestPerSec: Math.round((acknowledged / elapsed) * 10) / 10,
      storedPerSec: Math.round((stored / total) * 10) / 10,
      latencyMs: {
        p50: percentile(latencies, 0.5),
        p90: percentile(latencies, 0.9),
        p99: percentile(latencies, 0.99),
        max: percentile(latencies, 1),
        resolutionMs: POLL_MS,
      },
      lag: { max: lagMax, atLoadEnd: lagAtLoadEnd, end: lagNow, drainMs },
      memory,
      errors: { http: httpErrors, lastHttpError, deadLetters: dlq.state.messages },
      intervals,
    };
  } finally {
    stopped = true;
    await watcher.catch(() => undefined);
    stack?.store.resume();
    if (stack) await stack.stop();
    else await bus.close();
  }
}
