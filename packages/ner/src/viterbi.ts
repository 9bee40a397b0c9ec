/** First-order Viterbi decoding over emission and transition scores with hard transition constraints. */

/** Scores and constraints of a first-order tag model. */
export interface TransitionModel {
  nTags: number;
  /** `(nTags + 1) * nTags` scores: row `prev` (row `nTags` = sentence start), column `cur`. */
  trans: ArrayLike<number>;
  /** Same layout as `trans`: 1 where the transition is allowed. */
  allowed: Uint8Array;
  /** 1 where a sentence may end on the tag. */
  final: Uint8Array;
}

/**
 * Best tag sequence for `n` tokens given `emit` (`n * nTags` scores, token-major).
 * Returns tag indices.
 */
export function viterbi(emit: Float64Array, n: number, m: TransitionModel): Uint8Array {
  const T = m.nTags;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * T);
  const back = new Int16Array(n * T);
  const { trans, allowed } = m;
  for (let t = 0; t < T; t++) {
    const j = T * T + t;
    score[t] = allowed[j] ? (trans[j] as number) + (emit[t] as number) : Number.NEGATIVE_INFINITY;
  }
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const j = p * T + t;
        if (!allowed[j]) continue;
        const s = (score[prevBase + p] as number) + (trans[j] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[base + t] = best + (emit[base + t] as number);
      back[base + t] = arg;
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    const s = score[last + t] as number;
    if (m.final[t] && s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg] as number;
  }
  return out;
}
