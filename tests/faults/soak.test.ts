import { describe, expect, it } from 'vitest';
import { runSoak } from './soak-runner.ts';

describe('a short soak with a slowed store', () => {
  it('loses nothing, drains the lag to zero and shows no runaway memory growth', async () => {
    const summary = await runSoak({
      seconds: 15,
      rate: 8,
      reportEvery: 2,
      // Backpressure: the store is frozen half of the time, so lag builds up while the load runs.
      slowStore: { stopMs: 1000, periodMs: 2000 },
      drainTimeoutMs: 60_000,
    });
    expect(summary.acknowledged).toBe(120);
    expect(summary.missing, 'acknowledged articles never seen stored').toBe(0);
    expect(summary.stored).toBe(summary.acknowledged);
    expect(summary.lag.max, 'lag built up while the store was slowed').toBeGreaterThan(0);
    expect(summary.lag.end, 'lag after draining').toBe(0);
    expect(summary.errors.deadLetters).toBe(0);
    // 15 s cannot prove the absence of a slow leak (the 5-minute run in docs/reliability.md does that); it does
    // catch a gross one: no service may end with more than 1.5x its post-warm-up memory plus 100 MB.
    for (const [name, m] of Object.entries(summary.memory)) {
      expect(m.endMb, `${name} RSS ${JSON.stringify(m)}`).toBeLessThan(m.startMb * 1.5 + 100);
    }
  }, 120_000);
});
