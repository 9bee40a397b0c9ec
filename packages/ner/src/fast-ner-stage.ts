import { addInt, addStr, finish, hash1, hash2, hash3, seed } from './hash.ts';
import { addVec } from './int-vectors.ts';
import { BOS, EOS, NER_TEMPLATES as T } from './ner-features.ts';
import type { QuantModel } from './quant-model.ts';
import type { WordCache } from './word-cache.ts';

/* Per-model tables of the fast entity tagger and the partial sums it caches per word (see fast-ner.ts). */

/** Cached vectors per word and model: own features, own + mid-sentence context, neighbour at -1, -2, +1, +2. */
export const NV = 6;
export const V_SELF = 0;
export const V_MID = 1;
export const V_M1 = 2;
export const V_M2 = 3;
export const V_P1 = 4;
export const V_P2 = 5;
export const CTX = ['mid', 'first', 'caps'] as const;
export const N_TYPES = 4;

/** Weight rows of the features over small integers, for one model. */
export interface StageTables {
  m: QuantModel;
  gaz: Int32Array;
  gazCapC: Int32Array;
  gazCapLower: Int32Array;
  gazm1: Int32Array;
  gazp1: Int32Array;
  /** Index `ctx * 4 + (midCap ? 0 : 2) + (lower ? 0 : 1)`. */
  doc: Int32Array;
  self: Int32Array;
  selfL: Int32Array;
  selfR: Int32Array;
  vote: Int32Array;
  /** Index `best * 2 + unanimous`. */
  voteMaj: Int32Array;
  voteTag: Int32Array;
  bosM1: Int32Array;
  bosM2: Int32Array;
  eosP1: Int32Array;
  eosP2: Int32Array;
}

function rows(m: QuantModel, n: number, key: (i: number) => number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => m.row(key(i)));
}

function neighbourVec(m: QuantModel, lwT: number, shT: number, fold: string, sshape: string): Int32Array {
  const v = new Int32Array(m.nTags);
  m.addKey(v, 0, hash1(lwT, fold));
  m.addKey(v, 0, hash1(shT, sshape));
  return v;
}

/** Looks up the weight rows of one model's small-integer features and its sentence-boundary vectors. */
export function stageTables(m: QuantModel, nCodes: number): StageTables {
  const nTags = m.nTags;
  return {
    m,
    gaz: rows(m, nCodes, (c) => finish(addInt(seed(T.gaz), c))),
    gazCapC: rows(m, nCodes, (c) => finish(addStr(addInt(seed(T.gazCap), c), 'C'))),
    gazCapLower: rows(m, nCodes, (c) => finish(addStr(addInt(seed(T.gazCap), c), 'c'))),
    gazm1: rows(m, nCodes, (c) => finish(addInt(seed(T.gazm1), c))),
    gazp1: rows(m, nCodes, (c) => finish(addInt(seed(T.gazp1), c))),
    doc: rows(m, 12, (i) => hash3(T.doc, CTX[i >> 2] as string, i & 2 ? 'm' : 'M', i & 1 ? 'l' : 'L')),
    self: rows(m, nTags, (k) => finish(addInt(seed(T.self), k))),
    selfL: rows(m, 256, (k) => finish(addInt(seed(T.selfL), k))),
    selfR: rows(m, 256, (k) => finish(addInt(seed(T.selfR), k))),
    vote: rows(m, N_TYPES + 1, (k) => finish(addInt(seed(T.vote), k))),
    voteMaj: rows(m, 2 * (N_TYPES + 1), (i) => finish(addInt(addInt(seed(T.voteMaj), i >> 1), i & 1))),
    voteTag: rows(m, nTags, (k) => finish(addInt(seed(T.voteTag), k))),
    bosM1: neighbourVec(m, T.lwm1, T.shm1, BOS, BOS),
    bosM2: neighbourVec(m, T.lwm2, T.shm2, BOS, BOS),
    eosP1: neighbourVec(m, T.lwp1, T.shp1, EOS, EOS),
    eosP2: neighbourVec(m, T.lwp2, T.shp2, EOS, EOS),
  };
}

const BIAS_KEY = hash1(T.bias, '');
const K_STR = ['', '1', '2', '3', '4'];
const KEYS = new Uint32Array(32);
const ENDS = new Int32Array(NV);

/**
 * Partial sums of the single-word features of `slot`, one block of `NV` vectors per model. `V_MID` holds the
 * word's own features plus the case-context feature of a mid-sentence token, so one vector covers both.
 */
export function fillWord(stages: readonly StageTables[], c: WordCache, slot: number): void {
  const w = c.norm[slot] as string;
  const lw = c.fold[slot] as string;
  const sh = c.sshape[slot] as string;
  let n = 0;
  KEYS[n++] = BIAS_KEY;
  KEYS[n++] = hash1(T.w, w);
  KEYS[n++] = hash1(T.lw, lw);
  KEYS[n++] = hash1(T.shape, c.shape[slot] as string);
  KEYS[n++] = hash1(T.sshape, sh);
  KEYS[n++] = hash1(T.len, lw.length > 6 ? '7' : String(lw.length));
  for (let k = 1; k <= 4 && k <= lw.length; k++) {
    KEYS[n++] = hash2(T.pre, K_STR[k] as string, lw.slice(0, k));
    KEYS[n++] = hash2(T.suf, K_STR[k] as string, lw.slice(-k));
  }
  ENDS[V_SELF] = n;
  KEYS[n++] = hash2(T.ctx, 'mid', sh);
  ENDS[V_MID] = n;
  KEYS[n++] = hash1(T.lwm1, lw);
  KEYS[n++] = hash1(T.shm1, sh);
  ENDS[V_M1] = n;
  KEYS[n++] = hash1(T.lwm2, lw);
  KEYS[n++] = hash1(T.shm2, sh);
  ENDS[V_M2] = n;
  KEYS[n++] = hash1(T.lwp1, lw);
  KEYS[n++] = hash1(T.shp1, sh);
  ENDS[V_P1] = n;
  KEYS[n++] = hash1(T.lwp2, lw);
  KEYS[n++] = hash1(T.shp2, sh);
  ENDS[V_P2] = n;
  const vecs = c.vecs;
  for (let si = 0; si < stages.length; si++) {
    const m = (stages[si] as StageTables).m;
    const nT = m.nTags;
    const base = slot * c.stride + si * NV * nT;
    let j = 0;
    for (let v = 0; v < NV; v++) {
      const off = base + v * nT;
      for (const e = ENDS[v] as number; j < e; j++) m.addKey(vecs, off, KEYS[j] as number);
    }
    addVec(vecs, base + V_MID * nT, vecs, base + V_SELF * nT, nT);
  }
}

/** `a` if it holds `n` values, else a new zeroed array of at least `n`. */
export function growI32(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  let size = a.length;
  while (size < n) size *= 2;
  return new Int32Array(size);
}

/** `a` if it holds `n` values, else a new zeroed array of at least `n`. */
export function growU8(a: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  if (a.length >= n) return a;
  let size = a.length;
  while (size < n) size *= 2;
  return new Uint8Array(size);
}
