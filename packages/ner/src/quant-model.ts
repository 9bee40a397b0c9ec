import type { LinearModel } from './linear-model.ts';

/**
 * Run-time form of a trained linear model: int16 weights (one row of all tags per feature, exactly as stored in
 * the model file), an open-addressing table with keys and rows interleaved (one cache line per probe), and the
 * allowed predecessors of every tag as lists so that decoding skips forbidden transitions. Scores are summed as
 * integers, which makes them independent of the order in which features are added, so partial sums can be cached.
 */
export class QuantModel {
  readonly nTags: number;
  /** Weight of one integer unit. */
  readonly scale: number;
  /** `rows * nTags` quantised weights. */
  readonly weights: Int16Array;
  /** `(nTags + 1) * nTags` transition scores, row `nTags` = sentence start. */
  readonly trans: Float64Array;
  /** 1 where a sentence may end on the tag. */
  readonly final: Uint8Array;
  /** 1 where a sentence may start with the tag. */
  readonly start: Uint8Array;
  /** Allowed predecessors of tag `t`: `preds[predOffs[t] .. predOffs[t + 1])`, ascending. */
  readonly preds: Uint8Array;
  readonly predOffs: Int32Array;
  /** Every transition is allowed (POS): decoding may use the exact pruning below. */
  readonly dense: boolean;
  /** `gapRow[p] = max over t of (max over r of trans[r][t]) - trans[p][t]`. */
  readonly gapRow: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(m: LinearModel) {
    const T = m.nTags;
    this.nTags = T;
    const q = m.quantized ?? quantize(m.weights);
    this.scale = q.scale;
    this.weights = q.weights;
    this.trans = Float64Array.from(m.trans);
    this.final = m.final;
    const n = T * T;
    this.start = m.allowed.slice(n, n + T);
    const preds: number[] = [];
    this.predOffs = new Int32Array(T + 1);
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < T; p++) if (m.allowed[p * T + t]) preds.push(p);
      this.predOffs[t + 1] = preds.length;
    }
    this.preds = Uint8Array.from(preds);
    this.dense = preds.length === T * T;
    // For exact pruning in decoding: how much better than row p's own transition any column's best can be.
    this.gapRow = new Float64Array(T);
    for (let p = 0; p < T; p++) {
      let gap = 0;
      for (let t = 0; t < T; t++) {
        let colMax = Number.NEGATIVE_INFINITY;
        for (let r = 0; r < T; r++) colMax = Math.max(colMax, this.trans[r * T + t] as number);
        gap = Math.max(gap, colMax - (this.trans[p * T + t] as number));
      }
      this.gapRow[p] = gap;
    }
    let cap = 16;
    while (cap * 0.6 < m.keys.length) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
    for (let r = 0; r < m.keys.length; r++) {
      const key = (m.keys[r] as number) | 0;
      let i = (key << 1) & this.mask;
      while (this.slots[i] !== 0 && this.slots[i] !== key) i = (i + 2) & this.mask;
      this.slots[i] = key;
      this.slots[i + 1] = r;
    }
  }

  /** Weight row of a feature key, or -1 when the model does not know it. */
  row(key: number): number {
    const s = this.slots;
    const k = key | 0;
    let i = (k << 1) & this.mask;
    for (;;) {
      const sk = s[i] as number;
      if (sk === k) return s[i + 1] as number;
      if (sk === 0) return -1;
      i = (i + 2) & this.mask;
    }
  }

  /** Adds the weights of `row` (if >= 0) to `acc[off .. off + nTags)`. */
  addRow(acc: Int32Array, off: number, row: number): void {
    if (row < 0) return;
    const w = this.weights;
    const T = this.nTags;
    const b = row * T;
    for (let k = 0; k < T; k++) acc[off + k] = (acc[off + k] as number) + (w[b + k] as number);
  }

  /**
   * Adds the weights of `rows[0 .. n)` (all >= 0) to `acc[off .. off + nTags)`, up to four rows per pass so
   * that each sum is stored once per four rows. Integer sums: the result equals adding the rows one by one.
   */
  addRows(acc: Int32Array, off: number, rows: Int32Array, n: number): void {
    const w = this.weights;
    const T = this.nTags;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const a = (rows[j] as number) * T;
      const b = (rows[j + 1] as number) * T;
      const c = (rows[j + 2] as number) * T;
      const d = (rows[j + 3] as number) * T;
      for (let k = 0; k < T; k++)
        acc[off + k] =
          (acc[off + k] as number) +
          (w[a + k] as number) +
          (w[b + k] as number) +
          (w[c + k] as number) +
          (w[d + k] as number);
    }
    for (; j < n; j++) this.addRow(acc, off, rows[j] as number);
  }

  /** Adds the weights of feature `key` to `acc[off .. off + nTags)`. */
  addKey(acc: Int32Array, off: number, key: number): void {
    this.addRow(acc, off, this.row(key));
  }
}

/** Quantises float weights to int16 with one scale, as the model file stores them. */
export function quantize(weights: Float32Array): { weights: Int16Array; scale: number } {
  let maxAbs = 0;
  for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  return { weights: Int16Array.from(weights, (v) => Math.round(v / scale)), scale };
}
