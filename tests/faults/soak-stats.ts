/** Small statistics for the soak run: percentiles and a least-squares slope. */

/** The q-quantile (0..1) of `values` by nearest rank; NaN when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Slope of the least-squares line through (x, y) points, in y units per x unit; 0 with fewer than 2 points. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Memory of one process over a run: first, last and peak RSS (MB) and the trend in MB per minute. */
export interface MemorySummary {
  startMb: number;
  endMb: number;
  maxMb: number;
  slopeMbPerMin: number;
  /** Trend over the second half of the samples only: a heap that reached its working size shows ~0 here. */
  lateSlopeMbPerMin: number;
  samples: number;
}

/** MB per minute, one decimal, of `[ms, kB]` samples. */
function trend(samples: ReadonlyArray<readonly [number, number]>): number {
  return Math.round(slope(samples.map(([t, kb]) => [t / 60_000, kb / 1024] as const)) * 10) / 10;
}

/** Summarises RSS samples `[msSinceStart, kB]`, ignoring the first `warmupMs` (start-up allocations). */
export function memorySummary(
  samples: ReadonlyArray<readonly [number, number]>,
  warmupMs: number,
): MemorySummary {
  const steady = samples.filter(([t]) => t >= warmupMs);
  const use = steady.length >= 2 ? steady : samples;
  const mb = (kb: number) => Math.round(kb / 102.4) / 10;
  return {
    startMb: mb(use[0]?.[1] ?? 0),
    endMb: mb(use[use.length - 1]?.[1] ?? 0),
    maxMb: mb(Math.max(0, ...samples.map(([, kb]) => kb))),
    slopeMbPerMin: trend(use),
    lateSlopeMbPerMin: trend(use.slice(Math.floor(use.length / 2))),
    samples: samples.length,
  };
}
