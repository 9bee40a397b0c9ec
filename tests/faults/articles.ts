/** Generated news-like articles (distinct texts that yield entities and events) and an HTTP pusher. */

const FIRST = [
  'Maria',
  'John',
  'Amina',
  'Pedro',
  'Li',
  'Olga',
  'Samuel',
  'Fatima',
  'Henrik',
  'Grace',
  'Tomas',
];
const LAST = [
  'Keller',
  'Okafor',
  'Rossi',
  'Haddad',
  'Novak',
  'Silva',
  'Brennan',
  'Tanaka',
  'Moreau',
  'Quinn',
];
const PLACES = [
  'Riverton',
  'Easthaven',
  'Northport',
  'Lakeside',
  'Oakford',
  'Brookdale',
  'Seaview',
  'Hillcrest',
];
const ORGS = ['Harbour Authority', 'National Bank', 'Transit Agency', 'Red Cross', 'Ministry of Health'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** An article body as ingest accepts it over HTTP. */
export interface GeneratedArticle {
  title: string;
  text: string;
  url: string;
  outlet: string;
  publishedAt: string;
}

/** The n-th generated article (deterministic; `salt` separates runs that share a NATS server). */
export function generatedArticle(n: number, salt = ''): GeneratedArticle {
  const person = `${pick(FIRST, n)} ${pick(LAST, Math.floor(n / 11))}`;
  const other = `${pick(FIRST, n + 3)} ${pick(LAST, Math.floor(n / 7) + 1)}`;
  const place = pick(PLACES, n);
  const org = pick(ORGS, n);
  const day = pick(DAYS, n);
  const text = [
    `Police in ${place} arrested ${person} on ${day} after an attack on the ${org} office, a spokesman said.`,
    `${other}, the mayor of ${place}, met officials of the ${org} to discuss security.`,
    `Report ${salt}${n}: three people were injured and the building was closed until further notice.`,
  ].join(' ');
  return {
    title: `${place}: ${person} arrested (${salt}${n})`,
    text,
    url: `https://news.example.org/${salt}${n}`,
    outlet: 'news.example.org',
    publishedAt: `2026-03-0${(n % 9) + 1}T08:00:00Z`,
  };
}

/** What a pusher saw: ids ingest acknowledged (HTTP 200) and failed attempts that it retried. */
export interface PushStats {
  acknowledged: Set<string>;
  requests: number;
  retries: number;
  /** Latest error text of a retried attempt (empty when none). */
  lastError: string;
}

/**
 * POSTs articles `from..from+count-1` to ingest in batches, retrying each batch (connection refused, 503 while
 * NATS is down, ...) until it is acknowledged or `deadlineMs` passes. Ids make retries safe. `onBatch` runs after
 * every acknowledged batch (tests use it to inject a fault mid-stream).
 */
export async function pushArticles(opts: {
  ingestUrl: () => string;
  count: number;
  from?: number;
  batch?: number;
  salt?: string;
  stats?: PushStats;
  deadlineMs?: number;
  onBatch?: (done: number) => void | Promise<void>;
}): Promise<PushStats> {
  const stats = opts.stats ?? newPushStats();
  const from = opts.from ?? 0;
  const size = opts.batch ?? 50;
  const until = Date.now() + (opts.deadlineMs ?? 120_000);
  for (let start = from; start < from + opts.count; start += size) {
    const end = Math.min(start + size, from + opts.count);
    const body = JSON.stringify(
      Array.from({ length: end - start }, (_, i) => generatedArticle(start + i, opts.salt)),
    );
    for (;;) {
      stats.requests++;
      const result = await postBatch(opts.ingestUrl(), body);
      if (result.ok) {
        for (const id of result.ids) stats.acknowledged.add(id);
        break;
      }
      stats.retries++;
      stats.lastError = result.error;
      if (Date.now() > until) throw new Error(`ingest did not acknowledge a batch in time: ${result.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await opts.onBatch?.(end - from);
  }
  return stats;
}

export function newPushStats(): PushStats {
  return { acknowledged: new Set(), requests: 0, retries: 0, lastError: '' };
}

/** One POST; `ok` only on a 200 whose body lists an id for every article. */
export async function postBatch(
  ingestUrl: string,
  body: string,
): Promise<{ ok: true; ids: string[] } | { ok: false; error: string }> {
  try {
    const res = await fetch(`${ingestUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status !== 200) return { ok: false, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
    const parsed = JSON.parse(text) as { articles: Array<{ id: string } | null> };
    const ids = parsed.articles.map((a) => a?.id);
    if (ids.some((id) => !id))
      return { ok: false, error: `incomplete acknowledgement: ${text.slice(0, 200)}` };
    return { ok: true, ids: ids as string[] };
  } catch (err) {
    return { ok: false, error: String((err as Error).cause ?? (err as Error).message) };
  }
}
