// `npm run eval [-- STEP...]`: quality on the labelled development data (../shared/eval/data, or
// NEWSFLOW_EVAL_DATA). Steps: entities (CoNLL-2003 eng.testa), events (WikiEvents dev), stories (ECB+ topics 1-35
// through ingest's parser, the extract engine and the store; options at the top of scripts/eval-stories.ts).
import { runSteps } from './lib/run-steps.ts';

const failed = runSteps(
  'eval',
  [
    { name: 'entities', script: 'packages/ner/scripts/eval.ts' },
    { name: 'events', script: 'services/extract/scripts/eval-events.ts' },
    { name: 'stories', script: 'scripts/eval-stories.ts' },
  ],
  process.argv.slice(2),
);
if (failed.length) {
  process.stderr.write(`\nevaluations failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
