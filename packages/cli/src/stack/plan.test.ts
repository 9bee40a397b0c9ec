import { describe, expect, it } from 'vitest';
import { planStack } from './plan.ts';

describe('planStack', () => {
  it('starts its own NATS under the data folder when NATS_URL is unset', () => {
    const plan = planStack({}, '/repo');
    expect(plan.startNats).toBe(true);
    expect(plan.natsUrl).toBe('nats://127.0.0.1:4222');
    expect(plan.natsStoreDir).toBe('/repo/data/nats');
    expect(plan.inbox).toBe('/repo/inbox');
    expect(plan.services.map((s) => s.name)).toEqual(['store', 'extract', 'ingest']);
  });

  it('uses a given NATS_URL and ports', () => {
    const plan = planStack({ NATS_URL: 'nats://10.0.0.1:4222', NEWSFLOW_API_PORT: '9000' }, '/repo');
    expect(plan.startNats).toBe(false);
    expect(plan.apiUrl).toBe('http://127.0.0.1:9000');
    expect(plan.env.NEWSFLOW_API_PORT).toBe('9000');
  });

  it('names a bad variable', () => {
    expect(() => planStack({ NEWSFLOW_INGEST_PORT: 'http' }, '/repo')).toThrow(/NEWSFLOW_INGEST_PORT/);
  });
});
