/**
 * Trains the entity model (and the POS model) from CoNLL-format files and writes them to packages/ner/model/.
 *   node packages/ner/scripts/train.ts [train.conll ...] [--epochs 10] [--folds 5] [--pos-epochs 8] [--no-pos]
 *     [--out-dir DIR] [--gmb] [--gmb-path PATH] [--gmb-fraction 1]
 * --gmb adds the GMB extract (silver labels, mapped to CoNLL types; see gmb.ts) to the entity training data.
 * Deterministic: the same inputs and options give the same model file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeNerModel, encodePosModel } from '../src/model-files.ts';
import { trainNer } from '../src/ner-training.ts';
import { trainPos } from '../src/pos-tagger.ts';
import { buildGazetteer, GAZ_CATEGORIES } from './build-gazetteer.ts';
import { conllPath, dataDir, readConllDocs, readConllPos } from './data.ts';
import { readGmbDocs } from './gmb.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    epochs: { type: 'string', default: '10' },
    folds: { type: 'string', default: '5' },
    'pos-epochs': { type: 'string', default: '8' },
    'no-pos': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    gmb: { type: 'boolean', default: false },
    'gmb-path': { type: 'string' },
    'gmb-fraction': { type: 'string', default: '1' },
    'out-dir': { type: 'string', default: fileURLToPath(new URL('../model', import.meta.url)) },
  },
});
const files = positionals.length > 0 ? positionals : [conllPath('eng.train')];
const seed = Number(values.seed);
const log = (msg: string) => console.log(msg);
const t0 = performance.now();
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

const gazetteer = buildGazetteer();
log(`gazetteer: ${gazetteer.size} phrases (${GAZ_CATEGORIES.join(', ')})`);
const docs = files.flatMap(readConllDocs);
const sources = [...files];
if (values.gmb || values['gmb-path']) {
  const gmbPath = values['gmb-path'] ?? resolve(dataDir(), 'gmb/ner_dataset.csv');
  docs.push(...readGmbDocs(gmbPath, gazetteer, Number(values['gmb-fraction'])));
  sources.push(gmbPath);
}
const sentences = docs.reduce((a, d) => a + d.tokens.length, 0);
const tokens = docs.reduce((a, d) => a + d.tokens.reduce((b, s) => b + s.length, 0), 0);
log(`read ${docs.length} documents, ${sentences} sentences, ${tokens} tokens from ${sources.join(', ')}`);

const tNer = performance.now();
const epochs = Number(values.epochs);
const folds = Number(values.folds);
const ner = trainNer(docs, { epochs, folds, seed, gazetteer, log });
const nerSecs = secs(tNer);
mkdirSync(values['out-dir'], { recursive: true });
const nerPath = resolve(values['out-dir'], 'ner.bin.gz');
const nerBytes = encodeNerModel(ner, { epochs, folds, seed, tokens });
writeFileSync(nerPath, nerBytes);
log(`NER model: ${nerPath} (${(nerBytes.length / 1e6).toFixed(2)} MB), trained in ${nerSecs} s`);

if (!values['no-pos']) {
  const tPos = performance.now();
  const posEpochs = Number(values['pos-epochs']);
  const pos = trainPos(files.flatMap(readConllPos), { epochs: posEpochs, seed, log });
  const posPath = resolve(values['out-dir'], 'pos.bin.gz');
  const posBytes = encodePosModel(pos, { epochs: posEpochs, seed, tokens });
  writeFileSync(posPath, posBytes);
  log(`POS model: ${posPath} (${(posBytes.length / 1e6).toFixed(2)} MB), trained in ${secs(tPos)} s`);
}
log(`total ${secs(t0)} s`);
