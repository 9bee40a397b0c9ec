import { addStr, finish, seed } from './hash.ts';
import { HashTable } from './hash-table.ts';

const PHRASE_SEED = seed(9999);

/** Hash keys of every prefix of a phrase given as folded tokens. */
function prefixKeys(tokens: readonly string[], from: number, maxLen: number, out: number[]): void {
  out.length = 0;
  let h = PHRASE_SEED;
  const end = Math.min(tokens.length, from + maxLen);
  for (let j = from; j < end; j++) {
    h = addStr(h, tokens[j] as string);
    out.push(finish(h));
  }
}

/**
 * Phrase lists (countries, cities, given names ...) stored as hashes of their folded token sequences with a
 * bit mask of categories. Matching yields, per token, codes `category * 4 + position` (B, I, L, U).
 */
export class Gazetteer {
  readonly categories: readonly string[];
  readonly maxLen: number;
  private readonly table: HashTable;
  private readonly masks: Uint32Array;

  constructor(categories: readonly string[], keys: Uint32Array, masks: Uint32Array, maxLen: number) {
    this.categories = categories;
    this.maxLen = maxLen;
    this.masks = masks;
    this.table = new HashTable(keys.length);
    for (let i = 0; i < keys.length; i++) this.table.set(keys[i] as number, i);
  }

  /** Builds a gazetteer from (category, folded tokens) entries. */
  static build(categories: readonly string[], entries: Iterable<[string, readonly string[]]>): Gazetteer {
    const byKey = new Map<number, number>();
    let maxLen = 1;
    const keys: number[] = [];
    for (const [cat, toks] of entries) {
      const c = categories.indexOf(cat);
      if (c < 0 || toks.length === 0 || toks.length > 8) throw new Error(`bad gazetteer entry ${cat}`);
      maxLen = Math.max(maxLen, toks.length);
      prefixKeys(toks, 0, toks.length, keys);
      const k = keys[keys.length - 1] as number;
      byKey.set(k, (byKey.get(k) ?? 0) | (1 << c));
    }
    const sorted = [...byKey.keys()].sort((a, b) => a - b);
    const masks = Uint32Array.from(sorted, (k) => byKey.get(k) as number);
    return new Gazetteer(categories, Uint32Array.from(sorted), masks, maxLen);
  }

  /** Stored keys and masks, for serialisation. */
  export(): { keys: Uint32Array; masks: Uint32Array } {
    const keys = this.table.keysByRow();
    return { keys, masks: this.masks };
  }

  /** Number of stored phrases. */
  get size(): number {
    return this.masks.length;
  }

  /** Per-token match codes for a sentence of folded tokens. */
  match(folds: readonly string[]): number[][] {
    const out: number[][] = folds.map(() => []);
    const keys: number[] = [];
    for (let i = 0; i < folds.length; i++) {
      prefixKeys(folds, i, this.maxLen, keys);
      for (let len = 1; len <= keys.length; len++) {
        const row = this.table.get(keys[len - 1] as number);
        if (row < 0) continue;
        let mask = this.masks[row] as number;
        for (let c = 0; mask !== 0; c++, mask >>>= 1) {
          if ((mask & 1) === 0) continue;
          if (len === 1) (out[i] as number[]).push(c * 4 + 3);
          else {
            (out[i] as number[]).push(c * 4);
            for (let j = i + 1; j < i + len - 1; j++) (out[j] as number[]).push(c * 4 + 1);
            (out[i + len - 1] as number[]).push(c * 4 + 2);
          }
        }
      }
    }
    return out;
  }
}
