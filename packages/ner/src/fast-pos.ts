import { Decoder } from './fast-viterbi.ts';
import { hash1, hash2 } from './hash.ts';
import { sum5 } from './int-vectors.ts';
import { BOS, EOS } from './ner-features.ts';
import { POS_TEMPLATES as T } from './pos-features.ts';
import type { QuantModel } from './quant-model.ts';
import { WordCache } from './word-cache.ts';

/**
 * Fast run-time path of the POS tagger: the features of `posFeatures` (same hashes, same weights), with the
 * single-word ones (the word itself, and its form, suffix and shape as the neighbour at -2, -1, +1, +2) summed
 * once per distinct word and cached; only the two bigram features and the sentence-initial shape are looked up
 * per token. Integer sums, so the totals equal adding every feature one by one.
 */

const NV = 5;
const V_SELF = 0;
const V_M1 = 1;
const V_M2 = 2;
const V_P1 = 3;
const V_P2 = 4;

/** Feature keys of one word for each cached vector. */
function wordKeys(norm: string, fold: string, shape: string, sshape: string): number[][] {
  const self = [
    hash1(T.bias, ''),
    hash1(T.w, norm),
    hash1(T.lw, fold),
    hash1(T.shape, shape),
    hash1(T.sshape, sshape),
  ];
  for (let k = 1; k <= 4 && k <= fold.length; k++) {
    self.push(hash2(T.pre, String(k), fold.slice(0, k)));
    self.push(hash2(T.suf, String(k), fold.slice(-k)));
  }
  return [
    self,
    [hash1(T.lwm1, fold), hash1(T.sufm1, fold.slice(-3)), hash1(T.shm1, sshape)],
    [hash1(T.lwm2, fold)],
    [hash1(T.lwp1, fold), hash1(T.sufp1, fold.slice(-3)), hash1(T.shp1, sshape)],
    [hash1(T.lwp2, fold)],
  ];
}

function sumKeys(m: QuantModel, out: Int32Array, off: number, keys: readonly number[]): void {
  for (const k of keys) m.addKey(out, off, k);
}

/** POS tagger over a quantised model; same predictions as the reference path of pos-tagger.ts. */
export class FastPosTagger {
  private readonly m: QuantModel;
  private readonly tags: readonly string[];
  private readonly cache: WordCache;
  private readonly decoder = new Decoder();
  private readonly bos: Int32Array;
  private readonly eos: Int32Array;
  private acc = new Int32Array(4096);
  private slots = new Int32Array(256);
  private out = new Uint8Array(256);

  private readonly onScores: ((sentence: number, scores: Float64Array) => void) | undefined;

  /** `onScores` is a test hook that receives every sentence's emission scores before decoding. */
  constructor(
    m: QuantModel,
    tags: readonly string[],
    opts: { cacheWords?: number; onScores?: (sentence: number, scores: Float64Array) => void } = {},
  ) {
    this.m = m;
    this.onScores = opts.onScores;
    this.tags = tags;
    const nT = m.nTags;
    this.cache = new WordCache(NV * nT, opts.cacheWords ?? 32768, (c, s) => {
      const keys = wordKeys(
        c.norm[s] as string,
        c.fold[s] as string,
        c.shape[s] as string,
        c.sshape[s] as string,
      );
      keys.forEach((ks, v) => {
        sumKeys(m, c.vecs, s * c.stride + v * nT, ks);
      });
    });
    // Boundary vectors: '<s>' / '</s>' as the form and shape of the positions outside the sentence.
    this.bos = new Int32Array(NV * nT);
    this.eos = new Int32Array(NV * nT);
    const b = wordKeys(BOS, BOS, BOS, BOS);
    const e = wordKeys(EOS, EOS, EOS, EOS);
    for (const v of [V_M1, V_M2]) sumKeys(m, this.bos, v * nT, b[v] as number[]);
    for (const v of [V_P1, V_P2]) sumKeys(m, this.eos, v * nT, e[v] as number[]);
  }

  /** One tag per token, per sentence. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    let total = 0;
    for (const s of sentences) total += s.length;
    this.cache.reserve(total);
    return sentences.map((s, i) => this.tagSentence(s, i));
  }

  private tagSentence(sent: readonly string[], sentence: number): string[] {
    const n = sent.length;
    if (n === 0) return [];
    const m = this.m;
    const nT = m.nTags;
    const c = this.cache;
    if (this.slots.length < n) {
      this.slots = new Int32Array(n * 2);
      this.out = new Uint8Array(n * 2);
    }
    const slots = this.slots;
    for (let i = 0; i < n; i++) slots[i] = c.slot(sent[i] as string);
    if (this.acc.length < n * nT) this.acc = new Int32Array(n * nT * 2);
    const acc = this.acc;
    const { vecs, stride, fold, sshape } = c;
    const { bos, eos } = this;
    for (let i = 0; i < n; i++) {
      const b = i * nT;
      const s = slots[i] as number;
      sum5(
        acc,
        b,
        vecs,
        s * stride + V_SELF * nT,
        i > 0 ? vecs : bos,
        i > 0 ? (slots[i - 1] as number) * stride + V_M1 * nT : V_M1 * nT,
        i > 1 ? vecs : bos,
        i > 1 ? (slots[i - 2] as number) * stride + V_M2 * nT : V_M2 * nT,
        i + 1 < n ? vecs : eos,
        i + 1 < n ? (slots[i + 1] as number) * stride + V_P1 * nT : V_P1 * nT,
        i + 2 < n ? vecs : eos,
        i + 2 < n ? (slots[i + 2] as number) * stride + V_P2 * nT : V_P2 * nT,
        nT,
      );
      const lw = fold[s] as string;
      const lm1 = i > 0 ? (fold[slots[i - 1] as number] as string) : BOS;
      const lp1 = i + 1 < n ? (fold[slots[i + 1] as number] as string) : EOS;
      m.addKey(acc, b, hash2(T.biL, lm1, lw));
      m.addKey(acc, b, hash2(T.biR, lw, lp1));
      if (i === 0) m.addKey(acc, b, hash1(T.first, sshape[s] as string));
    }
    if (this.onScores)
      this.onScores(
        sentence,
        Float64Array.from(acc.subarray(0, n * nT), (v) => v * m.scale),
      );
    this.decoder.decode(m, acc, n, this.out);
    const tags: string[] = new Array(n);
    for (let i = 0; i < n; i++) tags[i] = this.tags[this.out[i] as number] as string;
    return tags;
  }
}
