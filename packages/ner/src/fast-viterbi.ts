import type { QuantModel } from './quant-model.ts';

/**
 * Viterbi decoding over integer emission sums, with reusable buffers (no allocation per sentence once grown).
 * Same recurrence, visiting order and tie-breaking as `viterbi` in viterbi.ts: predecessors in ascending order,
 * strict improvement only.
 */
export class Decoder {
  private score = new Float64Array(64 * 64);
  private back = new Uint8Array(64 * 64);
  private readonly cand = new Uint8Array(256);

  /**
   * Writes the best tags for the `n` tokens whose emission sums are `acc[0 .. n * nTags)` (in units of
   * `m.scale`) into `out[0 .. n)`.
   */
  decode(m: QuantModel, acc: Int32Array, n: number, out: Uint8Array): void {
    if (n === 0) return;
    const T = m.nTags;
    if (this.score.length < n * T) {
      let size = this.score.length;
      while (size < n * T) size *= 2;
      this.score = new Float64Array(size);
      this.back = new Uint8Array(size);
    }
    const score = this.score;
    const back = this.back;
    const { trans, preds, predOffs, start, final, scale } = m;
    const s0 = T * T;
    for (let t = 0; t < T; t++) {
      score[t] = start[t] ? (trans[s0 + t] as number) + (acc[t] as number) * scale : Number.NEGATIVE_INFINITY;
    }
    const cand = this.cand;
    for (let i = 1; i < n; i++) {
      const base = i * T;
      const prevBase = base - T;
      if (m.dense) {
        // Exact pruning: a predecessor p with score[p] < score[pmax] - gapRow[pmax] loses to pmax for every
        // tag (score[p] + trans[p][t] < score[pmax] + trans[pmax][t]), so only the others are visited, still in
        // ascending order, which keeps the reference's choice among equal scores. A small margin covers rounding.
        let pmax = 0;
        for (let p = 1; p < T; p++)
          if ((score[prevBase + p] as number) > (score[prevBase + pmax] as number)) pmax = p;
        const top = score[prevBase + pmax] as number;
        const limit = top - (m.gapRow[pmax] as number) - 1e-9 * (1 + Math.abs(top));
        let nc = 0;
        for (let p = 0; p < T; p++) if (!((score[prevBase + p] as number) < limit)) cand[nc++] = p;
        for (let t = 0; t < T; t++) {
          let best = Number.NEGATIVE_INFINITY;
          let arg = 0;
          for (let j = 0; j < nc; j++) {
            const p = cand[j] as number;
            const s = (score[prevBase + p] as number) + (trans[p * T + t] as number);
            if (s > best) {
              best = s;
              arg = p;
            }
          }
          score[base + t] = best + (acc[base + t] as number) * scale;
          back[base + t] = arg;
        }
        continue;
      }
      for (let t = 0; t < T; t++) {
        let best = Number.NEGATIVE_INFINITY;
        let arg = 0;
        const end = predOffs[t + 1] as number;
        for (let j = predOffs[t] as number; j < end; j++) {
          const p = preds[j] as number;
          const s = (score[prevBase + p] as number) + (trans[p * T + t] as number);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[base + t] = best + (acc[base + t] as number) * scale;
        back[base + t] = arg;
      }
    }
    let best = Number.NEGATIVE_INFINITY;
    let arg = 0;
    const last = (n - 1) * T;
    for (let t = 0; t < T; t++) {
      const s = score[last + t] as number;
      if (final[t] && s > best) {
        best = s;
        arg = t;
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * T + arg] as number;
    }
  }
}
