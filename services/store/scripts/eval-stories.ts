/**
 * Story clustering quality on ECB+ (topics 1-35; the test topics are held out and never read), text only: every
 * document goes through the store's real handlers with an empty extraction, into a throwaway embedded database,
 * then the stories are scored with B-cubed F1 against the gold happenings (each topic = two happenings). The full
 * pipeline (ingest parser, extract engine, store) is `npm run eval stories` (scripts/eval-stories.ts).
 *
 * Run: node services/store/scripts/eval-stories.ts [--data=<dir>] [--threshold=0.2[,0.22...]] [--sweep] [--no-split]
 *   --data       ECB+ directory (default $NEWSFLOW_ECBPLUS_DIR, else ecbplus/ in $NEWSFLOW_EVAL_DATA or in
 *                ../shared/eval/data beside the repository)
 *   --sweep      scores a range of thresholds
 *   --no-split   do not re-cluster stories after a join (the behaviour before story splitting)
 */
import { join } from 'node:path';
import { asArticle, readEcbPlus } from './ecbplus.ts';
import { cliArgs, emptyExtraction, printBaselines, scoreThresholds } from './story-eval.ts';

const args = cliArgs(process.argv.slice(2));
const evalData =
  process.env.NEWSFLOW_EVAL_DATA ??
  join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'eval', 'data');
const dataDir = args.get('--data') ?? process.env.NEWSFLOW_ECBPLUS_DIR ?? join(evalData, 'ecbplus');

const docs = readEcbPlus(dataDir);
const items = docs.map((doc) => ({ article: asArticle(doc), gold: doc.gold }));
console.log(
  `ECB+ topics 1-35: ${docs.length} documents, ${new Set(docs.map((d) => d.gold)).size} gold stories; extractor: none (text only)`,
);
printBaselines(docs.map((d) => ({ id: d.name, topic: d.topic, gold: d.gold })));
await scoreThresholds(items, emptyExtraction, args);
