/**
 * Learned trigger filter experiment: leave-one-document-out cross-validation on WikiEvents dev.
 * For each held-out document a logistic regression is trained on the other 19 documents' candidate events
 * (label: the candidate is a correctly classified trigger), its threshold chosen by an inner leave-one-out on
 * those 19 documents, and the held-out document's covered candidates below the threshold are dropped.
 *
 * Experiment only: the filter is not part of the product (cross-validated F1 did not improve, see
 * docs/event-taxonomy.md). Scores are mention-level, NER and POS on, covered scope.
 *
 *   node services/extract/scripts/trigger-filter-cv.ts [--data DIR] [--l2 X] [--iter N] [--threshold T]
 *     [--perceptron] [--drop PREFIX,...]
 *
 * --threshold fixes the threshold instead of the nested choice (~4 min -> ~15 s); --perceptron uses an averaged
 * perceptron; --drop removes feature groups by name prefix. Diagnostics: --diag (out-of-fold AUC and F1 per
 * threshold), --perdoc (candidates and precision per document), --uni (feature values by positive rate),
 * --resub (train on all 20, score on the same 20: optimistic, NOT a result).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../src/engine/entities.ts';
import { extractEvents } from '../src/engine/events/index.ts';
import { EVENT_TYPES, matchesKairos, typeForKairos } from '../src/engine/events/taxonomy.ts';
import type { ExtractedEvent } from '../src/engine/events/types.ts';
import { createLexicon } from '../src/engine/lexicon/index.ts';
import { createNerStage } from '../src/engine/ner.ts';
import { buildDoc } from '../src/engine/sentences.ts';
import { predict, train, trainPerceptron, type Weights } from './eval-events/logreg.ts';
import { prf, type Scope, scoreDoc, sum, type TypeCounts } from './eval-events/score.ts';
import { triggerFeatures } from './eval-events/trigger-features.ts';
import { type EvalDoc, readWikiEvents, tokenSpan } from './eval-events/wikievents.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    l2: { type: 'string', default: '0.01' },
    iter: { type: 'string', default: '300' },
    threshold: { type: 'string' },
    diag: { type: 'boolean', default: false },
    uni: { type: 'boolean', default: false },
    resub: { type: 'boolean', default: false },
    perdoc: { type: 'boolean', default: false },
    drop: { type: 'string' },
    perceptron: { type: 'boolean', default: false },
  },
});
const dataDir =
  values.data ??
  (process.env.NEWSFLOW_EVAL_DATA
    ? resolve(process.env.NEWSFLOW_EVAL_DATA, 'wikievents')
    : resolve(import.meta.dirname, '../../../../shared/eval/data/wikievents'));
let docs: EvalDoc[];
try {
  docs = readWikiEvents(dataDir);
} catch (err) {
  console.error(String((err as Error).message));
  console.error('Pass --data DIR or set NEWSFLOW_EVAL_DATA (folder containing wikievents/).');
  process.exit(2);
}
const opts = { l2: Number(values.l2), iterations: Number(values.iter) };
const covered = new Set(EVENT_TYPES.filter((t) => t.kairos.length > 0 || t.kairosFamily).map((t) => t.type));
const scope: Scope = { gold: (g) => !!typeForKairos(g.type), pred: (e) => covered.has(e.type) };

const ner = createNerStage(loadNerModel());
const pos = loadPosModel();
const lexicon = createLexicon();

interface Item {
  doc: EvalDoc;
  events: ExtractedEvent[];
  feats: string[][];
  labels: number[];
  gold: number;
}
const items: Item[] = docs.map((d) => {
  const doc = buildDoc(d.text);
  const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
  doc.sentences.forEach((s, si) => {
    s.tokens.forEach((t, ti) => {
      t.pos = tags[si]?.[ti] ?? t.pos;
    });
  });
  const ents = extractEntities(doc, { ner, lexicon, articleId: d.id, version: 'eval' });
  const events = extractEvents(doc, ents, { merge: false });
  const drop = (values.drop ?? '').split(',').filter(Boolean);
  const feats = triggerFeatures(doc, events).map((f) =>
    f.filter((x) => !drop.some((p) => x.startsWith(`${p}=`))),
  );
  const labels = events.map((e) => {
    const [s, t] = tokenSpan(d, e.trigger.start, e.trigger.end);
    return d.events.some((g) => g.start === s && g.end === t && matchesKairos(e.type, g.type)) ? 1 : 0;
  });
  return { doc: d, events, feats, labels, gold: d.events.filter(scope.gold).length };
});

function trainOn(set: readonly Item[]): Weights {
  const xs: string[][] = [];
  const ys: number[] = [];
  for (const it of set)
    it.events.forEach((e, k) => {
      if (!covered.has(e.type)) return;
      xs.push(it.feats[k] as string[]);
      ys.push(it.labels[k] as number);
    });
  return values.perceptron ? trainPerceptron(xs, ys) : train(xs, ys, opts);
}

/** Out-of-fold probabilities of every covered candidate of `set` (leave-one-document-out). */
function oof(set: readonly Item[]): { p: number; y: number }[] {
  const out: { p: number; y: number }[] = [];
  for (const held of set) {
    const w = trainOn(set.filter((x) => x !== held));
    held.events.forEach((e, k) => {
      if (covered.has(e.type))
        out.push({ p: predict(w, held.feats[k] as string[]), y: held.labels[k] as number });
    });
  }
  return out;
}

/** Threshold maximising trigger F1 = 2 tp / (pred + gold) over scored candidates. */
function bestThreshold(scored: { p: number; y: number }[], gold: number): number {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  let tp = 0;
  let best = 0;
  let bestT = 0;
  sorted.forEach((s, k) => {
    tp += s.y;
    const f = (2 * tp) / (k + 1 + gold);
    const next = sorted[k + 1];
    if (f > best && (!next || next.p < s.p)) {
      best = f;
      bestT = next ? (s.p + next.p) / 2 : s.p / 2;
    }
  });
  return bestT;
}

if (process.argv.includes('--uni')) {
  const st = new Map<string, [number, number]>();
  for (const it of items)
    it.events.forEach((e, k) => {
      if (!covered.has(e.type)) return;
      for (const f of it.feats[k] as string[]) {
        const c = st.get(f) ?? [0, 0];
        c[0]++;
        c[1] += it.labels[k] as number;
        st.set(f, c);
      }
    });
  const rows = [...st].filter(([, c]) => c[0] >= 8).map(([f, c]) => [f, c[0], c[1] / c[0]] as const);
  rows.sort((a, b) => a[2] - b[2]);
  for (const r of rows) console.log(`${r[2].toFixed(2)} ${String(r[1]).padStart(4)} ${r[0]}`);
  process.exit(0);
}
if (process.argv.includes('--perdoc')) {
  for (const it of items) {
    const c = it.events.filter((e) => covered.has(e.type));
    const tp = it.labels.filter((y, k) => y && covered.has((it.events[k] as ExtractedEvent).type)).length;
    console.log(
      `${it.doc.id.padEnd(40)} cand ${String(c.length).padStart(3)} tp ${String(tp).padStart(3)} fp ${String(c.length - tp).padStart(3)} gold ${String(it.gold).padStart(3)} P ${(tp / c.length).toFixed(2)} tokens ${it.doc.tokens.length}`,
    );
  }
  process.exit(0);
}
if (process.argv.includes('--resub')) {
  const w = trainOn(items);
  const gold = items.reduce((a, x) => a + x.gold, 0);
  const all: { p: number; y: number }[] = [];
  for (const it of items)
    it.events.forEach((e, k) => {
      if (covered.has(e.type))
        all.push({ p: predict(w, it.feats[k] as string[]), y: it.labels[k] as number });
    });
  for (const t of [0.2, 0.3, 0.4, 0.5]) {
    const kept = all.filter((s) => s.p >= t);
    const tp = kept.filter((s) => s.y).length;
    console.log(
      `resub t ${t} kept ${kept.length} P ${(tp / kept.length).toFixed(3)} R ${(tp / gold).toFixed(3)} F1 ${((2 * tp) / (kept.length + gold)).toFixed(3)}`,
    );
  }
  process.exit(0);
}
if (process.argv.includes('--diag')) {
  const all = oof(items);
  const gold = items.reduce((a, x) => a + x.gold, 0);
  const n1 = all.filter((s) => s.y).length;
  let auc = 0;
  for (const a of all) if (a.y) for (const b of all) if (!b.y) auc += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
  console.log(
    `candidates ${all.length} positives ${n1} gold ${gold} AUC ${(auc / (n1 * (all.length - n1))).toFixed(3)}`,
  );
  for (const t of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
    const kept = all.filter((s) => s.p >= t);
    const tp = kept.filter((s) => s.y).length;
    console.log(
      `t ${t} kept ${kept.length} P ${(tp / kept.length).toFixed(3)} R ${(tp / gold).toFixed(3)} F1 ${((2 * tp) / (kept.length + gold)).toFixed(3)}`,
    );
  }
  process.exit(0);
}
const base = new Map<string, TypeCounts>();
const cv = new Map<string, TypeCounts>();
const fixedT = values.threshold ? Number(values.threshold) : undefined;
const thresholds: number[] = [];
for (const held of items) {
  scoreDoc(held.doc, held.events, scope, base);
  const rest = items.filter((x) => x !== held);
  const w = trainOn(rest);
  const t =
    fixedT ??
    bestThreshold(
      oof(rest),
      rest.reduce((a, x) => a + x.gold, 0),
    );
  thresholds.push(t);
  const kept = held.events.filter(
    (e, k) => !covered.has(e.type) || predict(w, held.feats[k] as string[]) >= t,
  );
  scoreDoc(held.doc, kept, scope, cv);
}
const show = (label: string, m: Map<string, TypeCounts>): void => {
  const c = sum(m.values());
  const t = prf(c.trigCls);
  const a = prf(c.argCls);
  console.log(
    `${label.padEnd(28)} pred ${String(c.trigCls.pred).padStart(4)}  trigger-cls P ${t.p.toFixed(3)} R ${t.r.toFixed(3)} F1 ${t.f.toFixed(3)}  arg-cls F1 ${a.f.toFixed(3)}`,
  );
};
show('unfiltered', base);
show('LOO-CV filtered', cv);
console.log(`thresholds: ${thresholds.map((t) => t.toFixed(2)).join(' ')}`);
