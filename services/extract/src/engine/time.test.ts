import { describe, expect, it } from 'vitest';
import { findTimes, resolveTime } from './time.ts';

// Friday 14 March 2025, the morning after a Thursday-night operation.
const FRIDAY = '2025-03-14T09:00:00Z';

describe('resolveTime', () => {
  it('resolves "Thursday night" to the Thursday before a Friday publication, as part of a day', () => {
    expect(
      resolveTime('Thursday night', 'The operation took place on Thursday night.', FRIDAY),
    ).toMatchObject({
      value: '2025-03-13',
      granularity: 'part-of-day',
      partOfDay: 'night',
      relation: 'on',
      relative: true,
    });
  });

  it('resolves "on Friday" to the publication day itself', () => {
    expect(resolveTime('on Friday', 'His death was confirmed on Friday.', FRIDAY)).toMatchObject({
      text: 'Friday',
      value: '2025-03-14',
      granularity: 'day',
    });
  });

  it('reads "by September 2025" as a month-long deadline', () => {
    expect(resolveTime('by September 2025', '', FRIDAY)).toEqual({
      text: 'September 2025',
      value: '2025-09',
      start: '2025-09-01',
      end: '2025-09-30',
      granularity: 'month',
      relation: 'by',
      relative: false,
    });
  });

  it('takes the "by" from the sentence when the expression comes without it', () => {
    expect(resolveTime('September 2025', 'set to be completed by September 2025.', FRIDAY)?.relation).toBe(
      'by',
    );
  });

  it('puts a bare weekday in the past for past-tense sentences and in the future for planned ones', () => {
    expect(resolveTime('on Monday', 'He travelled to Paris on Monday.', FRIDAY)?.value).toBe('2025-03-10');
    expect(resolveTime('on Monday', 'He will travel to Paris on Monday.', FRIDAY)?.value).toBe('2025-03-17');
  });

  it('resolves a bare year after a preposition', () => {
    expect(resolveTime('in 2022', 'brought him to power in 2022', FRIDAY)).toMatchObject({
      value: '2022',
      granularity: 'year',
    });
  });

  it('keeps clock times and uses the publication date in its own time zone', () => {
    // 01:00 on Friday in Baghdad is still Thursday in UTC: the article's own offset decides which Thursday.
    expect(resolveTime('at 10:30 p.m. Thursday', '', '2025-03-14T01:00:00+03:00')).toMatchObject({
      value: '2025-03-13T22:30',
      granularity: 'instant',
    });
  });

  it('leaves relative expressions unresolved without a publication date but keeps absolute ones', () => {
    const thursday = resolveTime('Thursday night', '', undefined);
    expect(thursday?.value).toBeUndefined();
    expect(thursday?.relative).toBe(true);
    expect(resolveTime('March 13', '', undefined)?.value).toBe('XXXX-03-13');
    expect(resolveTime('September 2025', '', undefined)?.value).toBe('2025-09');
  });

  it('gives weeks as ISO weeks and ranges as intervals', () => {
    expect(resolveTime('this week', '', FRIDAY)).toMatchObject({ value: '2025-W11', granularity: 'week' });
    expect(resolveTime('from March 3 to March 5', '', FRIDAY)).toMatchObject({
      value: '2025-03-03/2025-03-05',
      start: '2025-03-03',
      end: '2025-03-05',
    });
  });

  it('returns null when the expression holds no time', () => {
    expect(resolveTime('the airstrike', '', FRIDAY)).toBeNull();
  });
});

describe('findTimes', () => {
  it('finds each time expression with exact offsets and its sentence context', () => {
    const text =
      'Today he was killed. It happened on Thursday night. Withdrawal ends by September 2025. Troops may march.';
    const found = findTimes(text, FRIDAY, [
      [0, 20],
      [21, 51],
      [52, 86],
      [87, 104],
    ]);
    expect(found.map((f) => [f.text, f.time.value, f.time.relation])).toEqual([
      ['Today', '2025-03-14', 'on'],
      ['Thursday night', '2025-03-13', 'on'],
      ['September 2025', '2025-09', 'by'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
