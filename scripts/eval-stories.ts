/**
 * Story clustering quality of the whole pipeline on ECB+ topics 1-35 (the test topics are held out and never read):
 * every document is written as a plain-text file (its source URL as a trailing `Source:` line) and goes through
 * ingest's parser (title, date line, url), the extract engine (entities, events) and the store's handlers into a
 * throwaway embedded database; the stories are scored with B-cubed F1 against the gold happenings (two per topic).
 *
 *   npm run eval stories            (or: node scripts/eval-stories.ts [options])
 *   --threshold=t   story threshold, or a comma-separated list (default: the store's default)
 *   --no-split      do not re-cluster stories after a join (the behaviour before story splitting)
 *   --no-name-conflict  no penalty for articles mainly about different people (the behaviour before it)
 *   --sweep         score a range of thresholds (dev data: prefer a plateau to the single best value)
 *   --text-only     empty extractions: stories from the text alone (still through ingest's parser)
 *   --no-ingest     skip ingest's parser: the whole document is the article text (no title, no date)
 *   --data=<dir>    ECB+ directory (default $NEWSFLOW_ECBPLUS_DIR or <eval data>/ecbplus)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExtractor, EXTRACTOR_NAME, EXTRACTOR_VERSION, toMessages } from '@newsflow/extract';
import { parseOffline } from '@newsflow/ingest';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { type ArticleData, createLogger } from '@newsflow/shared';
import { asArticle, asFile, type EcbDoc, readEcbPlus } from '../services/store/scripts/ecbplus.ts';
import {
  cliArgs,
  type Extract,
  emptyExtraction,
  type Labelled,
  printBaselines,
  scoreThresholds,
} from '../services/store/scripts/story-eval.ts';
import { evalDataDir } from './lib/corpus.ts';

const args = cliArgs(process.argv.slice(2));
const dataDir = args.get('--data') ?? process.env.NEWSFLOW_ECBPLUS_DIR ?? join(evalDataDir(), 'ecbplus');
const log = createLogger({ name: 'eval-stories', level: 'warn', pretty: false });

/** Articles exactly as ingest makes them from plain-text files, in document order. */
async function viaIngest(docs: readonly EcbDoc[]): Promise<Labelled[]> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-ecb-files-'));
  try {
    const files = docs.map((doc) => {
      const file = join(dir, doc.name.replace(/\.xml$/, '.txt'));
      writeFileSync(file, asFile(doc));
      return file;
    });
    const byFile = new Map<string, ArticleData>();
    const result = await parseOffline(files, (a) => byFile.set(a.origin.path as string, a), { log });
    for (const f of result.files) for (const r of f.rejections) log.warn({ file: f.path, r }, 'rejected');
    return docs.flatMap((doc, i) => {
      const article = byFile.get(files[i] as string);
      return article ? [{ article, gold: doc.gold }] : [];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document as an article without ingest's parser: the whole text, no title or date. */
function raw(doc: EcbDoc): Labelled {
  return { gold: doc.gold, article: asArticle(doc) };
}

/** What services/extract publishes for an article, computed with the same engine and models. */
function realExtractor(): Extract {
  const extractor = createExtractor({
    nerTagger: loadNerModel(),
    posTagger: loadPosModel(),
    version: EXTRACTOR_VERSION,
  });
  const stamp = { name: EXTRACTOR_NAME, version: EXTRACTOR_VERSION };
  return (article) => {
    const t0 = performance.now();
    const extraction = extractor.extract({
      id: article.id,
      text: article.text,
      ...(article.title ? { title: article.title } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    });
    const m = toMessages(article, extraction, stamp, performance.now() - t0);
    return [...m.all, m.completion];
  };
}

const docs = readEcbPlus(dataDir);
const ingest = !args.has('--no-ingest');
const items = ingest ? await viaIngest(docs) : docs.map(raw);
const extract = args.has('--text-only') ? emptyExtraction : realExtractor();
const dated = items.filter((i) => i.article.publishedAt).length;
console.log(
  `ECB+ topics 1-35: ${docs.length} documents, ${new Set(docs.map((d) => d.gold)).size} gold stories; ` +
    `parser: ${ingest ? `ingest (${dated} with a publication date)` : 'none'}; ` +
    `extractor: ${args.has('--text-only') ? 'none (text only)' : `${EXTRACTOR_NAME} ${EXTRACTOR_VERSION}`}`,
);
printBaselines(docs.map((d) => ({ id: d.name, topic: d.topic, gold: d.gold })));
await scoreThresholds(items, extract, args);
