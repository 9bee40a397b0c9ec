import type { NerSpan } from './bilou.ts';
import { bilouToSpans } from './bilou.ts';
import { DocState, type GazetteerLike } from './fast-ner-doc.ts';
import {
  fillWord,
  growI32,
  N_TYPES,
  NV,
  type StageTables,
  stageTables,
  V_M1,
  V_M2,
  V_MID,
  V_P1,
  V_P2,
  V_SELF,
} from './fast-ner-stage.ts';
import { Decoder } from './fast-viterbi.ts';
import { sum5 } from './int-vectors.ts';
import type { QuantModel } from './quant-model.ts';
import { ASCII_LOWER, CAP_FIRST, FOLD_DIFFERS, WordCache } from './word-cache.ts';

export type { GazetteerLike } from './fast-ner-doc.ts';

/**
 * Fast run-time path of the two-pass entity tagger. It computes exactly the features of `nerFeatures` (same
 * hashes, same weights), but scores them differently:
 * - features that read a single word (the word, its forms, shape, affixes, and its form or shape as the
 *   neighbour at -2, -1, +1, +2) are summed once per distinct word and stage, and cached by token string;
 * - features over a few small integers (gazetteer codes, document facts, first-pass labels and votes) have
 *   their weight rows looked up once per model;
 * - the remaining context keys (bigrams, shape trigram, case context) are hashed once per document and looked
 *   up in both passes.
 * Scores are integer sums of the int16 weights, so the cached partial sums give the same totals as adding every
 * feature one by one.
 */

/** Options of the fast tagger. */
export interface FastNerOptions {
  /** Words kept in the cache of partial sums (default 32,768; about 0.85 kB per word, allocated as used). */
  cacheWords?: number;
  /** Test hook: receives every sentence's emission scores (`tokens * nTags`) before decoding. */
  onScores?: (pass: number, sentence: number, scores: Float64Array) => void;
}

/** Two-pass entity tagger over quantised models; same predictions as the reference path of ner-tagger.ts. */
export class FastNerTagger {
  private readonly stages: StageTables[];
  private readonly nTags: number;
  private readonly types: readonly string[];
  private readonly gazetteer: GazetteerLike | null;
  private readonly cache: WordCache;
  private readonly doc = new DocState();
  private readonly decoder = new Decoder();
  private acc = new Int32Array(4096);
  private readonly onScores: FastNerOptions['onScores'];

  constructor(
    stage1: QuantModel,
    stage2: QuantModel | null,
    gazetteer: GazetteerLike | null,
    types: readonly string[],
    opts: FastNerOptions = {},
  ) {
    const nCodes = 4 * (gazetteer?.categories.length ?? 0);
    this.stages = [stageTables(stage1, nCodes)];
    if (stage2) this.stages.push(stageTables(stage2, nCodes));
    this.nTags = stage1.nTags;
    this.types = types;
    this.gazetteer = gazetteer;
    this.onScores = opts.onScores;
    const stages = this.stages;
    this.cache = new WordCache(stages.length * NV * this.nTags, opts.cacheWords ?? 32768, (c, s) =>
      fillWord(stages, c, s),
    );
  }

  /** One array of spans per sentence. */
  tagDocument(sentences: readonly (readonly string[])[]): NerSpan[][] {
    let total = 0;
    for (const s of sentences) total += s.length;
    const d = this.doc;
    d.ensure(total);
    this.cache.reserve(total);
    d.prepare(sentences, this.cache, this.gazetteer);
    const out1 = this.runPass(sentences, 0, d.tags1);
    if (this.stages.length < 2) return this.spans(sentences, out1);
    this.runPass(sentences, 1, d.tags2);
    return this.spans(sentences, d.tags2);
  }

  private spans(sentences: readonly (readonly string[])[], tags: Uint8Array): NerSpan[][] {
    const out: NerSpan[][] = [];
    let off = 0;
    for (const s of sentences) {
      out.push(bilouToSpans(tags.subarray(off, off + s.length), this.types) as NerSpan[]);
      off += s.length;
    }
    return out;
  }

  private votes = new Int32Array(1024);
  /** Weight rows of one token's features (grown to the bound computed per token). */
  private rows = new Int32Array(256);
  private tagVotes = new Int32Array(1024);

  /** Scores and decodes every sentence with stage `si` (stage 1 reads the first pass's tags). */
  private runPass(sentences: readonly (readonly string[])[], si: number, out: Uint8Array): Uint8Array {
    const st = this.stages[si] as StageTables;
    const m = st.m;
    const d = this.doc;
    const nT = this.nTags;
    const vecs = this.cache.vecs;
    const stride = this.cache.stride;
    const flags = this.cache.flags;
    const vo = si * NV * nT;
    const labels = si === 1;
    // Rows labelRows may add: self, left, right, a vote per type and "none", the majority, a tag vote per tag.
    const labelMax = labels ? 3 + (N_TYPES + 1) + 1 + nT : 0;
    if (labels) this.countVotes(d.tags1, d.foldId, sentences);
    let off = 0;
    let sentence = -1;
    for (const sent of sentences) {
      sentence++;
      const n = sent.length;
      if (n === 0) continue;
      this.acc = growI32(this.acc, n * nT);
      const acc = this.acc;
      for (let i = 0; i < n; i++) {
        const g = off + i;
        const b = i * nT;
        const s = d.slots[g] as number;
        const base = s * stride + vo;
        const ctx = d.ctx[g] as number;
        // The token's own vector and its neighbours' (or the sentence-boundary vectors) start the row.
        sum5(
          acc,
          b,
          vecs,
          base + (ctx === 0 ? V_MID : V_SELF) * nT,
          i > 0 ? vecs : st.bosM1,
          i > 0 ? (d.slots[g - 1] as number) * stride + vo + V_M1 * nT : 0,
          i > 1 ? vecs : st.bosM2,
          i > 1 ? (d.slots[g - 2] as number) * stride + vo + V_M2 * nT : 0,
          i + 1 < n ? vecs : st.eosP1,
          i + 1 < n ? (d.slots[g + 1] as number) * stride + vo + V_P1 * nT : 0,
          i + 2 < n ? vecs : st.eosP2,
          i + 2 < n ? (d.slots[g + 2] as number) * stride + vo + V_P2 * nT : 0,
          nT,
        );
        // Then the weight rows of the token's other features, gathered first and added in one pass.
        const kStart = d.keyOffs[g] as number;
        const kEnd = d.keyOffs[g + 1] as number;
        const codes = d.gaz[g];
        const prev = i > 0 ? d.gaz[g - 1] : undefined;
        const next = i + 1 < n ? d.gaz[g + 1] : undefined;
        // At most one row per key, two per own code, one per neighbour's code, the document row and the labels.
        const bound =
          kEnd - kStart + 2 * (codes?.length ?? 0) + (prev?.length ?? 0) + (next?.length ?? 0) + 1 + labelMax;
        if (this.rows.length < bound) this.rows = growI32(this.rows, bound);
        const rows = this.rows;
        let nr = 0;
        for (let j = kStart; j < kEnd; j++) nr = push(rows, nr, m.row(d.keys[j] as number));
        const f = flags[s] as number;
        if (codes) {
          const capRows = f & CAP_FIRST ? st.gazCapC : st.gazCapLower;
          for (const code of codes) {
            nr = push(rows, nr, st.gaz[code] as number);
            nr = push(rows, nr, capRows[code] as number);
          }
        }
        if (prev) for (const code of prev) nr = push(rows, nr, st.gazm1[code] as number);
        if (next) for (const code of next) nr = push(rows, nr, st.gazp1[code] as number);
        if (f & FOLD_DIFFERS || ctx !== 0) {
          const id = d.foldId[g] as number;
          nr = push(rows, nr, st.doc[ctx * 4 + (d.midCap[id] ? 0 : 2) + (d.lower[id] ? 0 : 1)] as number);
        }
        if (labels) nr = this.labelRows(st, rows, nr, g, i, n, f);
        m.addRows(acc, b, rows, nr);
      }
      if (this.onScores) {
        this.onScores(
          si,
          sentence,
          Float64Array.from(acc.subarray(0, n * nT), (v) => v * m.scale),
        );
      }
      this.decoder.decode(m, acc, n, out.subarray(off, off + n));
      off += n;
    }
    return out;
  }

  private countVotes(tags: Uint8Array, foldId: Int32Array, sentences: readonly (readonly string[])[]): void {
    let total = 0;
    for (const s of sentences) total += s.length;
    const nIds = this.doc.foldIds.size;
    const nT = this.nTags;
    this.votes = growI32(this.votes, nIds * (N_TYPES + 1));
    this.tagVotes = growI32(this.tagVotes, nIds * nT);
    this.votes.fill(0, 0, nIds * (N_TYPES + 1));
    this.tagVotes.fill(0, 0, nIds * nT);
    for (let g = 0; g < total; g++) {
      const tag = tags[g] as number;
      const id = foldId[g] as number;
      const k = tag === 0 ? 0 : 1 + Math.floor((tag - 1) / 4);
      this.votes[id * (N_TYPES + 1) + k] = (this.votes[id * (N_TYPES + 1) + k] as number) + 1;
      if (tag !== 0) this.tagVotes[id * nT + tag] = (this.tagVotes[id * nT + tag] as number) + 1;
    }
  }

  /**
   * Second-pass features: first-pass tags around the token and the votes of the same form elsewhere. Appends
   * their weight rows to `rows[0 .. nr)` and returns the new count.
   */
  private labelRows(
    st: StageTables,
    rows: Int32Array,
    nr: number,
    g: number,
    i: number,
    n: number,
    flags: number,
  ): number {
    const tags = this.doc.tags1;
    const tag = tags[g] as number;
    nr = push(rows, nr, st.self[tag] as number);
    nr = push(rows, nr, st.selfL[i > 0 ? (tags[g - 1] as number) : 255] as number);
    nr = push(rows, nr, st.selfR[i + 1 < n ? (tags[g + 1] as number) : 255] as number);
    if (!(flags & ASCII_LOWER)) return nr;
    const id = this.doc.foldId[g] as number;
    const own = tag === 0 ? 0 : 1 + Math.floor((tag - 1) / 4);
    const vb = id * (N_TYPES + 1);
    let best = -1;
    let bestN = 0;
    let total = 0;
    for (let k = 0; k <= N_TYPES; k++) {
      const c = (this.votes[vb + k] as number) - (k === own ? 1 : 0);
      if (c <= 0) continue;
      total += c;
      nr = push(rows, nr, st.vote[k] as number);
      if (c > bestN) {
        bestN = c;
        best = k;
      }
    }
    if (best >= 0) nr = push(rows, nr, st.voteMaj[best * 2 + (bestN === total ? 1 : 0)] as number);
    const nT = this.nTags;
    const tb = id * nT;
    for (let k = 1; k < nT; k++) {
      if ((this.tagVotes[tb + k] as number) - (k === tag ? 1 : 0) > 0)
        nr = push(rows, nr, st.voteTag[k] as number);
    }
    return nr;
  }
}

/** Appends `row` to `rows[0 .. n)` unless it is -1 (a feature the model does not know); returns the new count. */
function push(rows: Int32Array, n: number, row: number): number {
  if (row < 0) return n;
  rows[n] = row;
  return n + 1;
}
