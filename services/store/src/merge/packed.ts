/**
 * Dot products of sparse term vectors without string lookups. The story step takes hundreds of cosines per
 * article, and `Map.get` by term was most of their cost. Each vector is packed once (kept while the vector lives)
 * into integer term ids and weights; a dot product spreads the larger vector into a dense scratch array and walks
 * the smaller one in its own order, so every sum is added in the same order as the Map-based loop and the result
 * is bit-for-bit the same.
 *
 * Vectors must not change after they are first used here (they never do: `tfidf` and the vector cache build them
 * whole).
 */

interface Packed {
  /** Ids are valid only within one generation of the term table. */
  generation: number;
  ids: Int32Array;
  weights: Float64Array;
}

type Weights = ReadonlyMap<string, number>;

/**
 * A dot product over its own term table, which is emptied (a new generation) when it would grow past `maxTerms`,
 * so a long-running store stays bounded.
 */
export function createPackedDot(maxTerms: number): (small: Weights, large: Weights) => number {
  const termIds = new Map<string, number>();
  let generation = 0;
  let scratch = new Float64Array(1 << 12);
  const packs = new WeakMap<Weights, Packed>();

  function pack(v: Weights): Packed {
    const known = packs.get(v);
    if (known && known.generation === generation) return known;
    if (termIds.size + v.size > maxTerms) {
      termIds.clear();
      generation++;
    }
    const ids = new Int32Array(v.size);
    const weights = new Float64Array(v.size);
    let i = 0;
    for (const [term, w] of v) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
      }
      ids[i] = id;
      weights[i] = w;
      i++;
    }
    if (termIds.size > scratch.length) {
      let size = scratch.length;
      while (size < termIds.size) size *= 2;
      scratch = new Float64Array(size);
    }
    const p = { generation, ids, weights };
    packs.set(v, p);
    return p;
  }

  /**
   * Σ over the terms of `small`, in its order, of its weight times `large`'s weight of the term (0 when absent):
   * the dot product as `for (const [t, w] of small) dot += w * (large.get(t) ?? 0)` computes it.
   */
  return (small, large) => {
    let s = pack(small);
    const l = pack(large);
    // Packing `large` may have started a new generation: then `small` is packed again (both fit in an empty
    // table, so there is no second reset).
    if (s.generation !== l.generation) s = pack(small);
    const dense = scratch;
    const lIds = l.ids;
    const lWeights = l.weights;
    for (let i = 0; i < lIds.length; i++) dense[lIds[i] as number] = lWeights[i] as number;
    const sIds = s.ids;
    const sWeights = s.weights;
    let dot = 0;
    for (let i = 0; i < sIds.length; i++)
      dot += (sWeights[i] as number) * (dense[sIds[i] as number] as number);
    for (let i = 0; i < lIds.length; i++) dense[lIds[i] as number] = 0;
    return dot;
  };
}

/** The store's dot product: a million term ids (~100 MB at most) before the table starts over. */
export const packedDot = createPackedDot(1 << 20);
