import {
  foldToken,
  hasLetter,
  isAllCaps,
  isCapitalized,
  normalizeToken,
  shortShape,
  wordShape,
} from './text.ts';

/** Flags of a cached word (bit masks over `WordCache.flags`). */
export const HAS_LETTER = 1;
export const ALL_CAPS = 2;
export const CAPITALIZED = 4;
/** The normalised form equals its lower case. */
export const LOWER = 8;
/** Capitalised as the NER `cap` feature sees it: the first character changes when folded. */
export const CAP_FIRST = 16;
/** The folded form differs from the normalised form. */
export const FOLD_DIFFERS = 32;
/** The folded form has an ASCII lower-case letter. */
export const ASCII_LOWER = 64;
/** The shape looks like a date (`d-d-d`, `d/d/d`). */
export const DATE_SHAPE = 128;

const DATE_RE = /^d+[-/]d+[-/]d+$/;

/**
 * Per-tagger cache of everything about a token string that does not depend on its context: the normalised,
 * folded and shape forms, a few flags, and `stride` integers the tagger fills with partial emission sums (the
 * weights of the features that read only this word, at each position relative to the scored token). Bounded:
 * it is emptied when full, so memory stays at `capacity * stride` integers.
 */
export class WordCache {
  readonly stride: number;
  readonly capacity: number;
  norm: string[] = [];
  fold: string[] = [];
  shape: string[] = [];
  sshape: string[] = [];
  flags = new Uint8Array(256);
  vecs: Int32Array;
  private used = 0;
  private readonly map = new Map<string, number>();
  private readonly fill: (cache: WordCache, slot: number) => void;

  /** `fill(cache, slot)` writes `vecs[slot * stride .. (slot + 1) * stride)` for a newly cached word. */
  constructor(stride: number, capacity: number, fill: (cache: WordCache, slot: number) => void) {
    this.stride = stride;
    this.capacity = capacity;
    this.fill = fill;
    this.vecs = new Int32Array(256 * stride);
  }

  /**
   * Makes sure `n` more words fit without evicting any: empties the cache if they might not. Call once per
   * document with its token count, so that slots stay valid for the whole document.
   */
  reserve(n: number): void {
    if (this.used + n <= Math.max(this.capacity, n)) return;
    this.map.clear();
    this.used = 0;
  }

  /** Slot of `token`, computing its entry on first sight. */
  slot(token: string): number {
    const hit = this.map.get(token);
    if (hit !== undefined) return hit;
    const s = this.used++;
    if (s >= this.flags.length) this.grow(s + 1);
    const norm = normalizeToken(token);
    const fold = foldToken(norm);
    const shape = wordShape(norm);
    this.norm[s] = norm;
    this.fold[s] = fold;
    this.shape[s] = shape;
    this.sshape[s] = shortShape(shape);
    let f = 0;
    if (hasLetter(norm)) f |= HAS_LETTER;
    if (isAllCaps(norm)) f |= ALL_CAPS;
    if (isCapitalized(norm)) f |= CAPITALIZED;
    if (norm === norm.toLowerCase()) f |= LOWER;
    if (norm !== fold && norm.charAt(0) !== fold.charAt(0)) f |= CAP_FIRST;
    if (norm !== fold) f |= FOLD_DIFFERS;
    if (/[a-z]/.test(fold)) f |= ASCII_LOWER;
    if (DATE_RE.test(shape)) f |= DATE_SHAPE;
    this.flags[s] = f;
    this.vecs.fill(0, s * this.stride, (s + 1) * this.stride);
    this.fill(this, s);
    this.map.set(token, s);
    return s;
  }

  private grow(min: number): void {
    let size = this.flags.length;
    while (size < min) size *= 2;
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
    const vecs = new Int32Array(size * this.stride);
    vecs.set(this.vecs);
    this.vecs = vecs;
  }
}
