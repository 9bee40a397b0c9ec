/**
 * CoNLL-style evaluation on the development split (exact spans, conlleval semantics) plus POS accuracy.
 *   node packages/ner/scripts/eval.ts [dev.conll] [--model ner.bin.gz] [--pos-model pos.bin.gz]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatScores, scoreSpans } from '../src/conlleval.ts';
import { DEFAULT_NER_MODEL, DEFAULT_POS_MODEL, loadNerModel, loadPosModel } from '../src/model-files.ts';
import { conllPath, readConllDocs, readConllPos } from './data.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string', default: DEFAULT_NER_MODEL },
    'pos-model': { type: 'string', default: DEFAULT_POS_MODEL },
  },
});
const path = positionals[0] ?? conllPath('eng.testa');
const docs = readConllDocs(path);
const tagger = loadNerModel(values.model);
const pred = docs.flatMap((d) => tagger.tagDocument(d.tokens));
const gold = docs.flatMap((d) => d.spans);
const tokens = gold.length > 0 ? docs.reduce((a, d) => a + d.tokens.reduce((b, s) => b + s.length, 0), 0) : 0;
console.log(
  `NER on ${path}: ${docs.length} documents, ${tokens} tokens (exact-span P/R/F1, conlleval semantics)`,
);
console.log(formatScores(scoreSpans(gold, pred)));

if (existsSync(values['pos-model'])) {
  const pos = loadPosModel(values['pos-model']);
  const sents = readConllPos(path);
  let right = 0;
  let total = 0;
  const tagged = pos.tagDocument(sents.map((s) => s.tokens));
  sents.forEach((s, i) => {
    const p = tagged[i] as string[];
    s.tags.forEach((t, j) => {
      total++;
      if (p[j] === t) right++;
    });
  });
  console.log(`POS accuracy: ${((100 * right) / total).toFixed(2)}% (${right}/${total})`);
}
