/**
 * Throughput of the shipped taggers on one core, model load time and model size.
 *   node packages/ner/scripts/bench.ts [text.conll] [--rounds 5]
 * Uses the development split's tokens by default (labels unused). Reports tokens per wall-clock second and per
 * CPU second of this process: on a shared machine the second is the one-core figure. The first pass over the
 * corpus is also reported alone: the taggers cache per-word partial scores, so later passes find every word cached.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_NER_MODEL, DEFAULT_POS_MODEL, loadNerModel, loadPosModel } from '../src/model-files.ts';
import { conllPath, readConllDocs } from './data.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' } },
});
const docs = readConllDocs(positionals[0] ?? conllPath('eng.testa')).map((d) => d.tokens);
const tokens = docs.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
const rounds = Number(values.rounds);

function bench(name: string, path: string, load: () => { tagDocument(s: string[][]): unknown }): void {
  const t0 = performance.now();
  const tagger = load();
  const loadMs = performance.now() - t0;
  for (const d of docs.slice(0, 20)) tagger.tagDocument(d);
  const wall: number[] = [];
  const cpu: number[] = [];
  // First pass over the corpus: most words are new to the tagger's word cache (the worst case).
  const c0 = process.cpuUsage();
  for (const d of docs) tagger.tagDocument(d);
  const u0 = process.cpuUsage(c0);
  const cold = Math.round(tokens / ((u0.user + u0.system) / 1e6));
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (const d of docs) tagger.tagDocument(d);
    const used = process.cpuUsage(c);
    wall.push(tokens / ((performance.now() - t) / 1000));
    cpu.push(tokens / ((used.user + used.system) / 1e6));
  }
  const median = (a: number[]) => Math.round(a.sort((x, y) => x - y)[Math.floor(a.length / 2)] as number);
  const mb = (statSync(path).size / 1e6).toFixed(2);
  console.log(
    `${name}: ${median(wall).toLocaleString('en')} tokens/s wall, ${median(cpu).toLocaleString('en')} tokens/CPU-s ` +
      `(median of ${rounds} passes over ${tokens} tokens; first pass, cold word cache: ${cold.toLocaleString('en')} ` +
      `tokens/CPU-s); load ${loadMs.toFixed(0)} ms; model ${mb} MB (${path})`,
  );
}

bench('NER', DEFAULT_NER_MODEL, () => loadNerModel());
bench('POS', DEFAULT_POS_MODEL, () => loadPosModel());
