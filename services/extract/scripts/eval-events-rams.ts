/**
 * Second development set for the event extractor: trigger recall on RAMS 1.0 dev (one annotated event per
 * example; see eval-events/rams.ts for the type mapping), overall and per type, with predictions per example.
 *
 *   node services/extract/scripts/eval-events-rams.ts [--data DIR] [--no-ner] [--errors]
 *
 * DIR defaults to $NEWSFLOW_EVAL_DATA/rams or ../shared/eval/data/rams.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../src/engine/entities.ts';
import { extractEvents } from '../src/engine/events/index.ts';
import { EVENT_TYPES } from '../src/engine/events/taxonomy.ts';
import { createLexicon } from '../src/engine/lexicon/index.ts';
import { createNerStage } from '../src/engine/ner.ts';
import { buildDoc } from '../src/engine/sentences.ts';
import { type RamsExample, readRams, typeForRams } from './eval-events/rams.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'no-ner': { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
  },
});
const dataDir =
  values.data ??
  (process.env.NEWSFLOW_EVAL_DATA
    ? resolve(process.env.NEWSFLOW_EVAL_DATA, 'rams')
    : resolve(import.meta.dirname, '../../../../shared/eval/data/rams'));

let examples: RamsExample[];
try {
  examples = readRams(dataDir);
} catch (err) {
  console.error(String((err as Error).message));
  console.error('Pass --data DIR or set NEWSFLOW_EVAL_DATA (folder containing rams/).');
  process.exit(2);
}

const covered = new Set(EVENT_TYPES.filter((t) => t.kairos.length > 0 || t.kairosFamily).map((t) => t.type));
const ner = values['no-ner'] ? undefined : createNerStage(loadNerModel());
const pos = values['no-ner'] ? undefined : loadPosModel();
const lexicon = createLexicon();

const per = new Map<string, { gold: number; id: number; cls: number }>();
let nPred = 0;
let nPredCovered = 0;
const errors: string[] = [];
for (const x of examples) {
  const ours = typeForRams(x.trigger.type);
  if (!ours) continue;
  const doc = buildDoc(x.text);
  if (pos) {
    const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
    doc.sentences.forEach((s, si) => {
      s.tokens.forEach((t, ti) => {
        t.pos = tags[si]?.[ti] ?? t.pos;
      });
    });
  }
  const ents = ner ? extractEntities(doc, { ner, lexicon, articleId: x.id, version: 'eval' }) : [];
  const events = extractEvents(doc, ents, { merge: false });
  nPred += events.length;
  nPredCovered += events.filter((e) => covered.has(e.type)).length;
  const [gs, ge] = [x.spans[x.trigger.start]?.[0] ?? -1, x.spans[x.trigger.end - 1]?.[1] ?? -1];
  const same = events.filter((e) => e.trigger.start === gs && e.trigger.end === ge);
  const c = per.get(ours) ?? { gold: 0, id: 0, cls: 0 };
  per.set(ours, c);
  c.gold++;
  if (same.length) c.id++;
  if (same.some((e) => e.type === ours)) c.cls++;
  else if (values.errors) {
    const trig = x.tokens.slice(x.trigger.start, x.trigger.end).join(' ');
    errors.push(`FN ${ours} ${trig}${same.length ? ` (pred ${same[0]?.type})` : ''} :: ${x.id}`);
  }
}

const pct = (a: number, b: number): string => (b ? (100 * a) / b : 0).toFixed(1).padStart(5);
if (values.errors) console.log(errors.sort().join('\n'));
let gold = 0;
let id = 0;
let cls = 0;
console.log(`RAMS dev: ${examples.length} examples, ${dataDir} (NER ${ner ? 'on' : 'off'})`);
console.log(`${'type'.padEnd(26)} gold  id-R  cls-R`);
for (const [k, c] of [...per.entries()].sort()) {
  gold += c.gold;
  id += c.id;
  cls += c.cls;
  console.log(`${k.padEnd(26)} ${String(c.gold).padStart(4)} ${pct(c.id, c.gold)} ${pct(c.cls, c.gold)}`);
}
const n = [...per.values()].reduce((a, c) => a + c.gold, 0);
console.log(
  `${'OVERALL'.padEnd(26)} ${String(gold).padStart(4)} ${pct(id, gold)} ${pct(cls, gold)}   predictions/example ${(nPred / n).toFixed(2)} (covered types ${(nPredCovered / n).toFixed(2)})`,
);
