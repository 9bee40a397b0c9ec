/**
 * Story clustering quality on ECB+ (topics 1-35; the test topics are held out and never read): every document
 * goes through the store's real handlers (article, extraction, completion) into a throwaway embedded database,
 * then the stories are scored with B-cubed F1 against the gold happenings (each topic = two happenings).
 *
 * Run: node services/store/scripts/eval-stories.ts [--data=<dir>] [--threshold=0.2] [--sweep] [--extractor=<module>]
 *   --data       ECB+ directory (default $NEWSFLOW_ECBPLUS_DIR or /work/shared/eval/data/ecbplus)
 *   --sweep      also scores a range of thresholds
 *   --extractor  a module whose default export is an async factory returning
 *                `(article: ArticleData) => AnyMessage[] | Promise<AnyMessage[]>` (entity, event and completion
 *                messages, as services/extract publishes them). Without it each article gets an empty completion,
 *                so stories come from the text alone.
 */
import { pathToFileURL } from 'node:url';
import {
  type AnyMessage,
  type ArticleData,
  articleIdFor,
  deriveId,
  makeMessage,
  sha256Hex,
} from '@newsflow/shared';
import { DEFAULT_MERGE_SETTINGS } from '../src/handlers/deps.ts';
import { createFeeder } from '../src/handlers/feed.ts';
import { silentLogger, tempSqlite } from '../src/testing.ts';
import { bcubed, type EcbDoc, readEcbPlus } from './ecbplus.ts';

type Extract = (article: ArticleData) => AnyMessage[] | Promise<AnyMessage[]>;

const args = new Map(
  process.argv
    .slice(2)
    .map((a) => [a.replace(/=.*/, ''), a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true']),
);
const dataDir = args.get('--data') ?? process.env.NEWSFLOW_ECBPLUS_DIR ?? '/work/shared/eval/data/ecbplus';

function articleOf(doc: EcbDoc): ArticleData {
  const id = articleIdFor(doc.text);
  return {
    id,
    text: doc.text,
    ...(doc.url ? { url: doc.url } : {}),
    receivedAt: '2025-01-01T00:00:00.000Z',
    origin: { kind: 'cli', path: `ecbplus/${doc.name}` },
    contentHash: sha256Hex(doc.text),
    byteSize: Buffer.byteLength(doc.text),
  };
}

/** An empty completion: the article has no entities or events, so it is merged on text alone. */
function emptyExtraction(article: ArticleData): AnyMessage[] {
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

async function run(docs: EcbDoc[], extract: Extract, threshold: number) {
  const store = await tempSqlite({ synchronous: 'NORMAL' }); // a throwaway database needs no fsync per commit
  try {
    const feed = createFeeder({
      db: store.db,
      log: silentLogger(),
      settings: { ...DEFAULT_MERGE_SETTINGS, storyThreshold: threshold },
    });
    const gold = new Map<string, string>();
    for (const doc of docs) {
      const article = articleOf(doc);
      if (gold.has(article.id)) continue; // the same text twice is one article
      gold.set(article.id, doc.gold);
      await feed(
        makeMessage('news.article.raw.v1', { id: article.id, source: 'newsflow/eval', data: article }),
      );
      for (const m of await extract(article)) await feed(m);
    }
    const rows = await store.db.all<{ article_id: string; story_id: string }>(
      'SELECT article_id, story_id FROM story_articles',
    );
    const predicted = new Map(rows.map((r) => [r.article_id, r.story_id]));
    return { ...bcubed(predicted, gold), stories: new Set(predicted.values()).size, articles: gold.size };
  } finally {
    await store.dispose();
  }
}

const docs = readEcbPlus(dataDir);
let extract: Extract = emptyExtraction;
const extractorModule = args.get('--extractor');
if (extractorModule) {
  const mod = (await import(pathToFileURL(extractorModule).href)) as { default: () => Promise<Extract> };
  extract = await mod.default();
}
const golds = new Map(docs.map((d) => [d.name, d.gold]));
const fmt = (x: { p: number; r: number; f1: number }) =>
  `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f1.toFixed(3)}`;
console.log(
  `ECB+ topics 1-35: ${docs.length} documents, ${new Set(golds.values()).size} gold stories; extractor: ${extractorModule ?? 'none (text only)'}`,
);
console.log(`baseline singletons:      ${fmt(bcubed(new Map(docs.map((d) => [d.name, d.name])), golds))}`);
console.log(
  `baseline one per topic:   ${fmt(bcubed(new Map(docs.map((d) => [d.name, String(d.topic)])), golds))}`,
);
const thresholds = args.has('--sweep')
  ? [0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3]
  : [Number(args.get('--threshold') ?? DEFAULT_MERGE_SETTINGS.storyThreshold)];
for (const t of thresholds) {
  const started = performance.now();
  const r = await run(docs, extract, t);
  console.log(
    `store stories, threshold ${t.toFixed(2)}: ${fmt(r)} (${r.stories} stories for ${r.articles} articles, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
