/**
 * The store's handlers on real articles, without the broker: N articles of the evaluation corpus (BBC when present)
 * are extracted with the real engine (untimed, cached in the temp directory), then their messages are fed through
 * the group-commit batcher into a throwaway embedded database, `group` in flight like a consume loop. Prints the
 * store's wall and CPU time per article; `--dump <file>` writes the resulting stories, canonical events and term
 * statistics (deterministic: the handlers' clock advances 1 ms per message) to compare two versions of the code.
 *
 *   node scripts/bench-merge.ts [--articles 300] [--group 64] [--dump out.json]
 *   (add --cpu-prof before the script name to profile the store phase plus setup)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractor, EXTRACTOR_NAME, EXTRACTOR_VERSION, toMessages } from '@newsflow/extract';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { type AnyMessage, type ArticleData, articleIdFor, makeMessage, sha256Hex } from '@newsflow/shared';
import { createBatcher } from '../services/store/src/handlers/batcher.ts';
import { DEFAULT_MERGE_SETTINGS } from '../services/store/src/handlers/deps.ts';
import { createFeeder } from '../services/store/src/handlers/feed.ts';
import { silentLogger, tempSqlite } from '../services/store/src/testing.ts';
import { loadArticles } from './lib/corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '300' },
    group: { type: 'string', default: '64' },
    dump: { type: 'string' },
    /** `e2e`: every raw article first, then the extractions (as when many files appear at once). */
    order: { type: 'string', default: 'article' },
  },
});
const N = Number(values.articles);
const GROUP = Number(values.group);

function articleOf(text: string, i: number): ArticleData {
  const title = text.split('\n', 1)[0]?.trim();
  return {
    id: articleIdFor(text),
    text,
    ...(title ? { title } : {}),
    receivedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    origin: { kind: 'cli', path: `bench/${i}.txt` },
    contentHash: sha256Hex(text),
    byteSize: Buffer.byteLength(text),
  };
}

/** Every article's messages in pipeline order (raw article, entities and events, completion). */
function messagesFor(texts: readonly string[]): AnyMessage[] {
  const cacheFile = join(
    tmpdir(),
    `newsflow-bench-merge-${EXTRACTOR_VERSION}-${sha256Hex(texts.join('\0')).slice(0, 12)}.json`,
  );
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as AnyMessage[];
  const extractor = createExtractor({
    nerTagger: loadNerModel(),
    posTagger: loadPosModel(),
    version: EXTRACTOR_VERSION,
  });
  const stamp = { name: EXTRACTOR_NAME, version: EXTRACTOR_VERSION };
  const out: AnyMessage[] = [];
  const seen = new Set<string>();
  texts.forEach((text, i) => {
    const article = articleOf(text, i);
    if (seen.has(article.id)) return;
    seen.add(article.id);
    out.push(makeMessage('news.article.raw.v1', { id: article.id, source: 'newsflow/bench', data: article }));
    const extraction = extractor.extract({
      id: article.id,
      text: article.text,
      ...(article.title ? { title: article.title } : {}),
    });
    const m = toMessages(article, extraction, stamp, 1);
    out.push(...m.all, m.completion);
  });
  writeFileSync(cacheFile, JSON.stringify(out));
  return out;
}

const { source, texts } = loadArticles(N);
const inOrder = messagesFor(texts);
const isRaw = (m: AnyMessage) => m.type === 'news.article.raw.v1';
const messages =
  values.order === 'e2e' ? [...inOrder.filter(isRaw), ...inOrder.filter((m) => !isRaw(m))] : inOrder;
const store = await tempSqlite();
let tick = Date.UTC(2025, 0, 2);
const batcher = createBatcher(store.db, { maxBatch: GROUP, maxDelayMs: 0 });
const feed = createFeeder({
  db: store.db,
  log: silentLogger(),
  settings: DEFAULT_MERGE_SETTINGS,
  batcher,
  now: () => new Date(tick++),
});
let next = 0;
const worker = async () => {
  while (next < messages.length) await feed(messages[next++] as AnyMessage);
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(Array.from({ length: Math.max(1, GROUP) }, worker));
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const articles = messages.filter(isRaw).length;
console.log(
  `${source}: ${articles} articles, ${messages.length} messages, group ${GROUP}, order ${values.order}: ${seconds.toFixed(2)} s = ` +
    `${(articles / seconds).toFixed(1)} articles/s; store CPU ${((cpuS * 1000) / articles).toFixed(1)} ms/article`,
);
if (values.dump) {
  const db = store.db;
  const dump = {
    stories: await db.all('SELECT id, title, revision, merged_into FROM stories ORDER BY id'),
    storyArticles: await db.all('SELECT article_id, story_id, score FROM story_articles ORDER BY article_id'),
    canonicalEvents: await db.all('SELECT id, story_id FROM canonical_events ORDER BY id'),
    termStats: await db.all('SELECT term, df FROM term_stats ORDER BY term'),
    articleTerms: await db.all('SELECT term, article_id FROM article_terms ORDER BY term, article_id'),
  };
  writeFileSync(values.dump, JSON.stringify(dump, null, 1));
}
await store.dispose();
