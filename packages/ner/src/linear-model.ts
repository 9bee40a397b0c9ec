import { HashTable } from './hash-table.ts';
import type { FeatureSeq } from './key-buffer.ts';
import { type TransitionModel, viterbi } from './viterbi.ts';

/** A trained linear sequence model: hashed feature keys -> per-tag weights, plus tag transition scores. */
export class LinearModel implements TransitionModel {
  readonly tags: readonly string[];
  readonly nTags: number;
  readonly keys: Uint32Array;
  readonly weights: Float32Array;
  readonly trans: Float32Array;
  readonly allowed: Uint8Array;
  readonly final: Uint8Array;
  /** The int16 weights and scale this model was read from (model files), or undefined (fresh training). */
  quantized?: { weights: Int16Array; scale: number };
  private tableCache: HashTable | null = null;

  /** `keys[r]` owns weights `weights[r * nTags ... r * nTags + nTags)`. */
  constructor(
    tags: readonly string[],
    keys: Uint32Array,
    weights: Float32Array,
    trans: Float32Array,
    constraints: { allowed: Uint8Array; final: Uint8Array },
  ) {
    this.tags = tags;
    this.nTags = tags.length;
    this.keys = keys;
    this.weights = weights;
    this.trans = trans;
    this.allowed = constraints.allowed;
    this.final = constraints.final;
  }

  /** Key -> row table, built on first use (the run-time taggers use their own, see quant-model.ts). */
  private get table(): HashTable {
    if (!this.tableCache) {
      const table = new HashTable(this.keys.length);
      for (let r = 0; r < this.keys.length; r++) table.set(this.keys[r] as number, r);
      this.tableCache = table;
    }
    return this.tableCache;
  }

  /** Emission scores (`tokens * nTags`) of a sentence's features. */
  emissions(buf: FeatureSeq): Float64Array {
    const T = this.nTags;
    const n = buf.offs.length - 1;
    const out = new Float64Array(n * T);
    const { keys, offs } = buf;
    const w = this.weights;
    const table = this.table;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const end = offs[i + 1] as number;
      for (let j = offs[i] as number; j < end; j++) {
        const r = table.get(keys[j] as number);
        if (r < 0) continue;
        const wb = r * T;
        for (let k = 0; k < T; k++) out[base + k] = (out[base + k] as number) + (w[wb + k] as number);
      }
    }
    return out;
  }

  /** Weights of one feature key (one per tag), or null when the model does not know the key. */
  weightsOf(key: number): Float32Array | null {
    const r = this.table.get(key);
    return r < 0 ? null : this.weights.subarray(r * this.nTags, (r + 1) * this.nTags);
  }

  /** Best tag sequence for the sentence held in `buf`. */
  decode(buf: FeatureSeq): Uint8Array {
    return viterbi(this.emissions(buf), buf.offs.length - 1, this);
  }
}
