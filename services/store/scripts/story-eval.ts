/**
 * Scores the store's stories on labelled articles: feeds each article and its extraction through the real handlers
 * (article, extraction, completion) into a throwaway embedded database, then compares the stories with the gold
 * clustering by B-cubed. Script helper shared by this service's text-only evaluation and the root
 * `scripts/eval-stories.ts` (ingest parser + extract engine + store).
 */
import { type AnyMessage, type ArticleData, deriveId, makeMessage } from '@newsflow/shared';
import { DEFAULT_MERGE_SETTINGS } from '../src/handlers/deps.ts';
import { createFeeder } from '../src/handlers/feed.ts';
import type { MergeSettings } from '../src/repo/finalize.ts';
import { silentLogger, tempSqlite } from '../src/testing.ts';
import { bcubed } from './ecbplus.ts';

/** What services/extract publishes for an article: entity and event messages, then the completion marker. */
export type Extract = (article: ArticleData) => AnyMessage[] | Promise<AnyMessage[]>;

export interface Labelled {
  article: ArticleData;
  gold: string;
}

export interface StoryScore {
  p: number;
  r: number;
  f1: number;
  stories: number;
  articles: number;
  seconds: number;
}

/** An empty completion: the article has no entities or events, so it is merged on text alone. */
export function emptyExtraction(article: ArticleData): AnyMessage[] {
  const extractor = { name: 'none', version: '0' };
  return [
    makeMessage('news.article.extracted.v1', {
      id: deriveId('cmp', article.id, extractor.version),
      source: 'newsflow/eval',
      data: {
        articleId: article.id,
        extractor,
        entityCount: 0,
        eventCount: 0,
        entityIds: [],
        eventIds: [],
        durationMs: 0,
      },
    }),
  ];
}

/**
 * Feeds `items` in order (each article, then its extraction) and scores the stories. Extractions are computed once
 * per article and cached in `cache`, so a threshold sweep extracts each article only once.
 */
export async function scoreStories(
  items: readonly Labelled[],
  extract: Extract,
  settings: Partial<MergeSettings>,
  cache = new Map<string, AnyMessage[]>(),
): Promise<StoryScore> {
  const started = performance.now();
  const store = await tempSqlite({ synchronous: 'NORMAL' }); // a throwaway database needs no fsync per commit
  try {
    const feed = createFeeder({
      db: store.db,
      log: silentLogger(),
      settings: { ...DEFAULT_MERGE_SETTINGS, ...settings },
    });
    const gold = new Map<string, string>();
    for (const { article, gold: label } of items) {
      if (gold.has(article.id)) continue; // the same text twice is one article
      gold.set(article.id, label);
      await feed(
        makeMessage('news.article.raw.v1', { id: article.id, source: 'newsflow/eval', data: article }),
      );
      let messages = cache.get(article.id);
      if (!messages) {
        messages = await extract(article);
        cache.set(article.id, messages);
      }
      for (const m of messages) await feed(m);
    }
    const rows = await store.db.all<{ article_id: string; story_id: string }>(
      'SELECT article_id, story_id FROM story_articles',
    );
    const predicted = new Map(rows.map((r) => [r.article_id, r.story_id]));
    return {
      ...bcubed(predicted, gold),
      stories: new Set(predicted.values()).size,
      articles: gold.size,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.dispose();
  }
}

export const formatScore = (x: { p: number; r: number; f1: number }) =>
  `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f1.toFixed(3)}`;

/** Thresholds a `--sweep` scores. */
export const SWEEP = [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25];

/** `--name=value` and `--flag` command-line arguments (a flag's value is `'true'`). */
export function cliArgs(argv: readonly string[]): Map<string, string> {
  return new Map(
    argv.map((a) => [a.replace(/=.*/, ''), a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true']),
  );
}

/**
 * Scores `items` at each threshold the arguments name (`--sweep`, `--threshold=a[,b...]`, else the default), with
 * `--no-split` and `--no-name-conflict` turning those merge steps off, and prints one line per threshold.
 */
export async function scoreThresholds(
  items: readonly Labelled[],
  extract: Extract,
  args: ReadonlyMap<string, string>,
): Promise<void> {
  const thresholds = args.has('--sweep')
    ? SWEEP
    : (args.get('--threshold') ?? String(DEFAULT_MERGE_SETTINGS.storyThreshold)).split(',').map(Number);
  const cache = new Map();
  for (const t of thresholds) {
    const r = await scoreStories(
      items,
      extract,
      {
        storyThreshold: t,
        ...(args.has('--no-split') ? { splitStories: false } : {}),
        ...(args.has('--no-name-conflict') ? { nameConflictFactor: 1 } : {}),
      },
      cache,
    );
    console.log(
      `store stories, threshold ${t.toFixed(2)}: ${formatScore(r)} (${r.stories} stories for ${r.articles} articles, ${r.seconds.toFixed(1)} s)`,
    );
  }
}

/** Prints the two reference clusterings (every article alone, one story per topic) for `items`. */
export function printBaselines(items: readonly { id: string; topic: number; gold: string }[]): void {
  const gold = new Map(items.map((d) => [d.id, d.gold]));
  console.log(
    `baseline singletons:      ${formatScore(bcubed(new Map(items.map((d) => [d.id, d.id])), gold))}`,
  );
  console.log(
    `baseline one per topic:   ${formatScore(bcubed(new Map(items.map((d) => [d.id, String(d.topic)])), gold))}`,
  );
}
