import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates.ts';

describe('toIsoDate', () => {
  it('keeps the offset of a full ISO timestamp', () => {
    expect(toIsoDate('2025-03-14T09:30:00+01:00')).toBe('2025-03-14T09:30:00+01:00');
    expect(toIsoDate('2025-03-14T09:30+0100')).toBe('2025-03-14T09:30:00+01:00');
    expect(toIsoDate('2025-03-14T09:30:00.123Z')).toBe('2025-03-14T09:30:00.123Z');
  });

  it('turns dates, RFC 2822 and epoch numbers into UTC', () => {
    expect(toIsoDate('2025-11-02')).toBe('2025-11-02T00:00:00.000Z');
    expect(toIsoDate('Wed, 04 Jun 2025 10:00:00 GMT')).toBe('2025-06-04T10:00:00.000Z');
    expect(toIsoDate(1749031200)).toBe('2025-06-04T10:00:00.000Z');
    expect(toIsoDate(1749031200000)).toBe('2025-06-04T10:00:00.000Z');
    expect(toIsoDate('1749031200')).toBe('2025-06-04T10:00:00.000Z');
  });

  it('returns null for nonsense and implausible years', () => {
    expect(toIsoDate('soon')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate('1850-01-01')).toBeNull();
  });
});
