import { describe, expect, it } from 'vitest';
import { memorySummary, percentile, slope } from './soak-stats.ts';

describe('soak statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(v, 0.5), percentile(v, 0.9), percentile(v, 0.99), percentile(v, 1)]).toEqual([
      50, 90, 99, 100,
    ]);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('fits the slope of a line and finds none in flat data', () => {
    expect(
      slope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
    ).toBeCloseTo(2);
    expect(
      slope([
        [0, 7],
        [1, 7],
        [2, 7],
      ]),
    ).toBe(0);
  });

  it('reports memory growth per minute after the warm-up', () => {
    // 100 MB at start-up, then +10 MB per minute.
    const samples = [
      [0, 10_240] as const,
      ...Array.from({ length: 7 }, (_, i) => [60_000 * i + 60_000, 102_400 + 10_240 * i] as const),
    ];
    const m = memorySummary(samples, 30_000);
    expect(m.slopeMbPerMin).toBeCloseTo(10);
    expect(m.lateSlopeMbPerMin).toBeCloseTo(10);
    expect(m.startMb).toBe(100);
    expect(m.maxMb).toBe(160);
  });
});
