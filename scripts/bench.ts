// `npm run bench [-- STEP...]`: every benchmark, one process each, figures printed as they come.
// Steps: ner, engine, ingest, store, merge, e2e. Set NEWSFLOW_EVAL_DATA to use another copy of the evaluation data.
import { runSteps } from './lib/run-steps.ts';

const failed = runSteps(
  'bench',
  [
    { name: 'ner', script: 'packages/ner/scripts/bench.ts' },
    { name: 'engine', script: 'services/extract/scripts/bench-engine.ts' },
    { name: 'ingest', script: 'services/ingest/scripts/bench-ingest.ts' },
    { name: 'store', script: 'services/store/scripts/bench-store.ts' },
    { name: 'merge', script: 'scripts/bench-merge.ts' },
    { name: 'e2e', script: 'scripts/bench-e2e.ts' },
  ],
  process.argv.slice(2),
);
if (failed.length) {
  process.stderr.write(`\nbenchmarks failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
