/** Feature keys of a sentence: token `i` owns `keys[offs[i] .. offs[i + 1])`. */
export interface FeatureSeq {
  keys: Uint32Array;
  offs: ArrayLike<number>;
}

/** Growable buffer of feature keys for one sentence, with per-token offsets. */
export class KeyBuffer implements FeatureSeq {
  keys = new Uint32Array(4096);
  n = 0;
  offs: number[] = [0];

  /** Empties the buffer for a new sentence. */
  reset(): void {
    this.n = 0;
    this.offs.length = 1;
  }

  /** Appends one feature key to the current token. */
  push(key: number): void {
    if (this.n === this.keys.length) {
      const grown = new Uint32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.n++] = key;
  }

  /** A compact copy of the buffered sentence. */
  snapshot(): FeatureSeq {
    return { keys: this.keys.slice(0, this.n), offs: Int32Array.from(this.offs) };
  }

  /** Closes the current token. */
  endToken(): void {
    this.offs.push(this.n);
  }
}
