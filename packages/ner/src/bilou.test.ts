import { describe, expect, it } from 'vitest';
import { bilouConstraints, bilouTags, bilouToSpans, spansToBilou } from './bilou.ts';
import { iobToSpans } from './conll.ts';

const TYPES = ['PER', 'LOC'] as const;

describe('BILOU encoding', () => {
  it('round-trips spans through BILOU tags', () => {
    const spans = [
      { type: 'PER' as const, start: 0, end: 2 },
      { type: 'LOC' as const, start: 3, end: 4 },
      { type: 'LOC' as const, start: 4, end: 7 },
    ];
    const tags = spansToBilou(spans, 8, TYPES);
    const names = bilouTags(TYPES);
    expect(Array.from(tags, (t) => names[t])).toEqual([
      'B-PER',
      'L-PER',
      'O',
      'U-LOC',
      'B-LOC',
      'I-LOC',
      'L-LOC',
      'O',
    ]);
    expect(bilouToSpans(tags, TYPES)).toEqual(spans);
  });

  it('allows only well-formed BILOU transitions', () => {
    const names = bilouTags(TYPES);
    const T = names.length;
    const { allowed, final } = bilouConstraints(T);
    const ok = (a: string, b: string) => allowed[names.indexOf(a) * T + names.indexOf(b)] === 1;
    expect(ok('B-PER', 'L-PER')).toBe(true);
    expect(ok('B-PER', 'L-LOC')).toBe(false);
    expect(ok('O', 'I-PER')).toBe(false);
    expect(ok('U-PER', 'B-LOC')).toBe(true);
    expect(allowed[T * T + names.indexOf('I-PER')]).toBe(0);
    expect(final[names.indexOf('B-PER')]).toBe(0);
  });
});

describe('IOB reading', () => {
  it('reads IOB1 (B- only between adjacent entities of one type) like conlleval', () => {
    expect(iobToSpans(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'PER', start: 2, end: 3 },
      { type: 'LOC', start: 4, end: 5 },
      { type: 'ORG', start: 5, end: 6 },
    ]);
  });

  it('reads IOB2', () => {
    expect(iobToSpans(['B-ORG', 'I-ORG', 'B-ORG', 'O'])).toEqual([
      { type: 'ORG', start: 0, end: 2 },
      { type: 'ORG', start: 2, end: 3 },
    ]);
  });
});
