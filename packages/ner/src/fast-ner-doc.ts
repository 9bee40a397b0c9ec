import { CTX, growU8 } from './fast-ner-stage.ts';
import { hash2, hash3 } from './hash.ts';
import { BOS, EOS, NER_TEMPLATES as T } from './ner-features.ts';
import { ALL_CAPS, CAPITALIZED, DATE_SHAPE, HAS_LETTER, LOWER, type WordCache } from './word-cache.ts';

/** The small interface the fast path needs from the gazetteer. */
export interface GazetteerLike {
  readonly categories: readonly string[];
  match(folds: readonly string[]): number[][];
}

/** Per-document state, reused between documents. */
export class DocState {
  slots = new Int32Array(1024);
  ctx = new Uint8Array(1024);
  foldId = new Int32Array(1024);
  keys = new Uint32Array(8192);
  keyOffs = new Int32Array(1025);
  tags1 = new Uint8Array(1024);
  tags2 = new Uint8Array(1024);
  gaz: (number[] | undefined)[] = [];
  /** Per fold id: seen capitalised mid-sentence / seen in lower case. */
  midCap = new Uint8Array(1024);
  lower = new Uint8Array(1024);
  /** Folded form -> fold id, for the current document. */
  readonly foldIds = new Map<string, number>();

  /** Makes room for a document of `n` tokens. */
  ensure(n: number): void {
    if (this.slots.length >= n) return;
    let size = this.slots.length;
    while (size < n) size *= 2;
    this.slots = new Int32Array(size);
    this.ctx = new Uint8Array(size);
    this.foldId = new Int32Array(size);
    this.keyOffs = new Int32Array(size + 1);
    this.tags1 = new Uint8Array(size);
    this.tags2 = new Uint8Array(size);
  }

  /** Stores context key number `n`; returns `n + 1`. */
  pushKey(n: number, key: number): number {
    if (n === this.keys.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[n] = key;
    return n + 1;
  }

  /** Word slots, case context, fold ids, document facts, gazetteer codes and context keys of the document. */
  prepare(sentences: readonly (readonly string[])[], c: WordCache, gazetteer: GazetteerLike | null): void {
    const { norm, fold, sshape } = c;
    const ids = this.foldIds;
    ids.clear();
    this.gaz.length = 0;
    let off = 0;
    for (const sent of sentences) {
      const n = sent.length;
      let letters = 0;
      let caps = 0;
      for (let i = 0; i < n; i++) {
        const s = c.slot(sent[i] as string);
        this.slots[off + i] = s;
        const f = c.flags[s] as number;
        if (f & HAS_LETTER) {
          letters++;
          if (f & ALL_CAPS) caps++;
        }
        const lw = fold[s] as string;
        let id = ids.get(lw);
        if (id === undefined) {
          id = ids.size;
          ids.set(lw, id);
        }
        this.foldId[off + i] = id;
      }
      const allCaps = letters >= 2 && caps === letters;
      for (let i = 0; i < n; i++) this.ctx[off + i] = allCaps ? 2 : i === 0 ? 1 : 0;
      if (gazetteer) {
        const folds: string[] = new Array(n);
        for (let i = 0; i < n; i++) folds[i] = fold[this.slots[off + i] as number] as string;
        const g = gazetteer.match(folds);
        for (let i = 0; i < n; i++) this.gaz[off + i] = (g[i] as number[]).length > 0 ? g[i] : undefined;
      }
      off += n;
    }
    this.midCap = growU8(this.midCap, ids.size);
    this.lower = growU8(this.lower, ids.size);
    this.midCap.fill(0, 0, ids.size);
    this.lower.fill(0, 0, ids.size);
    // Context keys, and the document facts (which forms appear lower-case / capitalised mid-sentence).
    const flags = c.flags; // read after every slot of the document exists (the cache may have grown)
    let nk = 0;
    off = 0;
    for (const sent of sentences) {
      const n = sent.length;
      let dateline =
        n >= 2 && n <= 8 && ((flags[this.slots[off + n - 1] as number] as number) & DATE_SHAPE) !== 0;
      for (let i = 0; dateline && i < n - 1; i++) {
        const f = flags[this.slots[off + i] as number] as number;
        if (f & HAS_LETTER && !(f & CAPITALIZED)) dateline = false;
      }
      for (let i = 0; i < n; i++) {
        const g = off + i;
        const s = this.slots[g] as number;
        const f = flags[s] as number;
        const ctx = this.ctx[g] as number;
        if (f & HAS_LETTER) {
          if (f & LOWER) this.lower[this.foldId[g] as number] = 1;
          else if (ctx === 0 && f & CAPITALIZED) {
            const prev = i > 0 ? (norm[this.slots[g - 1] as number] as string) : '';
            if (prev !== '"' && prev !== ':' && prev !== "'") this.midCap[this.foldId[g] as number] = 1;
          }
        }
        const lw = fold[s] as string;
        const sh = sshape[s] as string;
        const lm1 = i > 0 ? (fold[this.slots[g - 1] as number] as string) : BOS;
        const lp1 = i + 1 < n ? (fold[this.slots[g + 1] as number] as string) : EOS;
        const sm1 = i > 0 ? (sshape[this.slots[g - 1] as number] as string) : BOS;
        const sp1 = i + 1 < n ? (sshape[this.slots[g + 1] as number] as string) : EOS;
        this.keyOffs[g] = nk;
        nk = this.pushKey(nk, hash2(T.biL, lm1, lw));
        nk = this.pushKey(nk, hash2(T.biR, lw, lp1));
        nk = this.pushKey(nk, hash2(T.lwm1lwp1, lm1, lp1));
        nk = this.pushKey(nk, hash3(T.sh3, sm1, sh, sp1));
        nk = this.pushKey(nk, hash2(T.shL, sm1, sh));
        nk = this.pushKey(nk, hash2(T.shR, sh, sp1));
        nk = this.pushKey(nk, hash2(T.lwm1sh, lm1, sh));
        nk = this.pushKey(nk, hash2(T.shlwp1, sh, lp1));
        if (ctx !== 0) {
          nk = this.pushKey(nk, hash2(T.ctx, CTX[ctx] as string, sh));
          nk = this.pushKey(nk, hash2(T.ctxw, CTX[ctx] as string, lw));
        }
        if (dateline)
          nk = this.pushKey(nk, hash2(T.dateline, i === n - 1 ? 'date' : i === 0 ? 'first' : 'mid', sh));
      }
      off += n;
    }
    this.keyOffs[off] = nk;
  }
}
