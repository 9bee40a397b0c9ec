import { HashTable } from './hash-table.ts';
import type { FeatureSeq } from './key-buffer.ts';
import { LinearModel } from './linear-model.ts';
import { viterbi } from './viterbi.ts';

/** One training sentence with its features already mapped to weight rows. */
export interface TrainSentence {
  rows: Int32Array;
  offs: Int32Array;
  gold: Uint8Array;
}

/** Options of a training run. */
export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Called after every epoch with the number of token errors made during that epoch. */
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Averaged structured perceptron (Collins 2002) over first-order Viterbi decoding. Feature keys are mapped to
 * dense rows once, then every epoch works on integer rows only.
 */
export class PerceptronTrainer {
  readonly tags: readonly string[];
  private readonly T: number;
  private readonly constraints: { allowed: Uint8Array; final: Uint8Array };
  private readonly table = new HashTable(1 << 18);

  constructor(tags: readonly string[], constraints: { allowed: Uint8Array; final: Uint8Array }) {
    this.tags = tags;
    this.T = tags.length;
    this.constraints = constraints;
  }

  /** Maps the features in `buf` to rows, registering new keys. */
  prepare(buf: FeatureSeq, gold: Uint8Array): TrainSentence {
    const n = buf.offs[buf.offs.length - 1] as number;
    const rows = new Int32Array(n);
    for (let j = 0; j < n; j++) rows[j] = this.table.getOrAdd(buf.keys[j] as number);
    return { rows, offs: Int32Array.from(buf.offs), gold };
  }

  /** Trains on `data` and returns the averaged model. */
  train(data: readonly TrainSentence[], opts: TrainOptions): LinearModel {
    const T = this.T;
    const nRows = this.table.size;
    const w = new Float64Array(nRows * T);
    const u = new Float64Array(nRows * T);
    const tw = new Float64Array((T + 1) * T);
    const tu = new Float64Array((T + 1) * T);
    const m = { nTags: T, trans: tw, ...this.constraints };
    const order = data.map((_, i) => i);
    const rand = mulberry32(opts.seed);
    let c = 1;
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      let errors = 0;
      let tokens = 0;
      for (const idx of order) {
        const s = data[idx] as TrainSentence;
        const n = s.gold.length;
        tokens += n;
        const emit = new Float64Array(n * T);
        for (let i = 0; i < n; i++) {
          const end = s.offs[i + 1] as number;
          for (let j = s.offs[i] as number; j < end; j++) {
            const wb = (s.rows[j] as number) * T;
            for (let k = 0; k < T; k++) emit[i * T + k] = (emit[i * T + k] as number) + (w[wb + k] as number);
          }
        }
        const pred = viterbi(emit, n, m);
        let prevG = T;
        let prevP = T;
        for (let i = 0; i < n; i++) {
          const g = s.gold[i] as number;
          const p = pred[i] as number;
          if (g !== p) {
            errors++;
            const end = s.offs[i + 1] as number;
            for (let j = s.offs[i] as number; j < end; j++) {
              const wb = (s.rows[j] as number) * T;
              w[wb + g] = (w[wb + g] as number) + 1;
              u[wb + g] = (u[wb + g] as number) + c;
              w[wb + p] = (w[wb + p] as number) - 1;
              u[wb + p] = (u[wb + p] as number) - c;
            }
          }
          if (g !== p || prevG !== prevP) {
            const jg = prevG * T + g;
            const jp = prevP * T + p;
            tw[jg] = (tw[jg] as number) + 1;
            tu[jg] = (tu[jg] as number) + c;
            tw[jp] = (tw[jp] as number) - 1;
            tu[jp] = (tu[jp] as number) - c;
          }
          prevG = g;
          prevP = p;
        }
        c++;
      }
      opts.onEpoch?.(epoch, errors, tokens);
    }
    return this.average(w, u, tw, tu, c);
  }

  private average(
    w: Float64Array,
    u: Float64Array,
    tw: Float64Array,
    tu: Float64Array,
    c: number,
  ): LinearModel {
    const T = this.T;
    const keysByRow = this.table.keysByRow();
    let kept = 0;
    const keep = new Uint8Array(keysByRow.length);
    for (let r = 0; r < keysByRow.length; r++) {
      for (let k = 0; k < T; k++) {
        if (w[r * T + k] !== 0 || u[r * T + k] !== 0) {
          keep[r] = 1;
          kept++;
          break;
        }
      }
    }
    const keys = new Uint32Array(kept);
    const weights = new Float32Array(kept * T);
    let o = 0;
    for (let r = 0; r < keysByRow.length; r++) {
      if (!keep[r]) continue;
      keys[o] = keysByRow[r] as number;
      for (let k = 0; k < T; k++)
        weights[o * T + k] = (w[r * T + k] as number) - (u[r * T + k] as number) / c;
      o++;
    }
    const trans = Float32Array.from(tw, (v, j) => v - (tu[j] as number) / c);
    return new LinearModel(this.tags, keys, weights, trans, this.constraints);
  }
}
