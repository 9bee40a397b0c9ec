/**
 * Re-checking a story with the evidence it has now: an article joins a story on its average link to the members
 * at that moment, often a few articles; once both happenings of the same kind (two earthquakes, two rehab stays)
 * have several reports each, average-link clustering of the members no longer joins the two groups. Pure function.
 */

/** A story is re-clustered only from this many members on: smaller groups are too noisy to split. */
export const MIN_SPLIT_MEMBERS = 4;

/**
 * Average-link agglomerative clustering of `ids`, joining the closest pair of clusters while their average link is
 * at least `threshold` (the same test an article passes to join a story). Returns the groups of two or more
 * members that should leave the story: every such cluster but the largest (ties: the one holding the earliest
 * member in `ids`). Single leftovers stay with the story, as one report is weak evidence of a second happening.
 * Returns no groups when the members still form one cluster.
 */
export function splitGroups<T>(
  ids: readonly T[],
  sim: (a: T, b: T) => number,
  threshold: number,
  minMembers = MIN_SPLIT_MEMBERS,
): T[][] {
  if (ids.length < minMembers) return [];
  const n = ids.length;
  const pair: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = sim(ids[i] as T, ids[j] as T);
      (pair[i] as number[])[j] = v;
      (pair[j] as number[])[i] = v;
    }
  // Clusters as lists of indexes into `ids`.
  let clusters = ids.map((_, i) => [i]);
  const average = (a: number[], b: number[]) => {
    let sum = 0;
    for (const x of a) for (const y of b) sum += (pair[x] as number[])[y] as number;
    return sum / (a.length * b.length);
  };
  for (;;) {
    let best: { i: number; j: number; v: number } | undefined;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const v = average(clusters[i] as number[], clusters[j] as number[]);
        if (!best || v > best.v) best = { i, j, v };
      }
    if (!best || best.v < threshold) break;
    const { i, j } = best;
    clusters = [
      ...clusters.filter((_, k) => k !== i && k !== j),
      [...(clusters[i] as number[]), ...(clusters[j] as number[])],
    ];
  }
  const groups = clusters
    .filter((c) => c.length >= 2)
    .map((c) => c.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
  return groups.slice(1).map((c) => c.map((k) => ids[k] as T));
}
