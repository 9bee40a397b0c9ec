import { describe, expect, it } from 'vitest';
import { scoreSpans } from './conlleval.ts';

describe('exact-span scoring', () => {
  it('counts only exact type-and-boundary matches', () => {
    const gold = [
      [
        { type: 'PER', start: 0, end: 2 },
        { type: 'LOC', start: 4, end: 5 },
      ],
    ];
    const pred = [
      [
        { type: 'PER', start: 0, end: 1 },
        { type: 'LOC', start: 4, end: 5 },
      ],
    ];
    const s = scoreSpans(gold, pred);
    expect(s.get('LOC')).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(s.get('PER')).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(s.get('overall')).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });
});
