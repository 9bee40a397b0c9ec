import { DeliverPolicy } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { startPolicy } from './tail.ts';

describe('tail --since', () => {
  const now = Date.parse('2025-03-14T12:00:00Z');
  it('starts at new messages without --since', () =>
    expect(startPolicy(undefined)).toEqual({ deliver_policy: DeliverPolicy.New }));
  it('takes a stream sequence', () =>
    expect(startPolicy('42')).toEqual({ deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: 42 }));
  it('takes a duration back from now', () =>
    expect(startPolicy('2h', now)).toEqual({
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: '2025-03-14T10:00:00.000Z',
    }));
  it('takes an ISO time', () =>
    expect(startPolicy('2025-03-01T00:00:00Z')).toMatchObject({
      opt_start_time: '2025-03-01T00:00:00.000Z',
    }));
  it('rejects anything else with a usage error', () =>
    expect(() => startPolicy('yesterday')).toThrow(/neither a time/));
});
