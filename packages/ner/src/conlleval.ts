/** Exact-span precision/recall/F1, as conlleval computes them. */

/** A span to score. */
export interface ScoredSpan {
  type: string;
  start: number;
  end: number;
}

/** Counts and scores for one type (or overall). */
export interface SpanScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function finishScore(tp: number, fp: number, fn: number): SpanScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Scores predicted spans against gold spans, sentence by sentence; keys are types plus 'overall'. */
export function scoreSpans(
  gold: readonly (readonly ScoredSpan[])[],
  pred: readonly (readonly ScoredSpan[])[],
): Map<string, SpanScore> {
  const counts = new Map<string, [number, number, number]>();
  const bump = (type: string, k: 0 | 1 | 2): void => {
    const c = counts.get(type) ?? [0, 0, 0];
    c[k]++;
    counts.set(type, c);
  };
  for (let s = 0; s < gold.length; s++) {
    const g = new Set((gold[s] ?? []).map((x) => `${x.type}:${x.start}:${x.end}`));
    const p = new Set((pred[s] ?? []).map((x) => `${x.type}:${x.start}:${x.end}`));
    for (const x of p) bump(x.split(':')[0] as string, g.has(x) ? 0 : 1);
    for (const x of g) if (!p.has(x)) bump(x.split(':')[0] as string, 2);
  }
  const out = new Map<string, SpanScore>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type) as [number, number, number];
    out.set(type, finishScore(...c));
    tp += c[0];
    fp += c[1];
    fn += c[2];
  }
  out.set('overall', finishScore(tp, fp, fn));
  return out;
}

/** conlleval-style report lines. */
export function formatScores(scores: Map<string, SpanScore>): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const lines: string[] = [];
  for (const [type, s] of scores) {
    lines.push(
      `${type.padEnd(8)} precision: ${pct(s.precision)}%; recall: ${pct(s.recall)}%; FB1: ${pct(s.f1)}  (gold ${s.tp + s.fn}, found ${s.tp + s.fp})`,
    );
  }
  return lines.join('\n');
}
