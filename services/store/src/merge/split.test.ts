import { describe, expect, it } from 'vitest';
import { splitGroups } from './split.ts';

/** Similarity from group labels: the same happening 0.6, the same kind of happening 0.1. */
const byLabel = (a: string, b: string) => (a[0] === b[0] ? 0.6 : 0.1);

describe('splitGroups', () => {
  it('keeps a story whose members form one cluster', () => {
    expect(splitGroups(['a1', 'a2', 'a3', 'a4', 'a5'], byLabel, 0.2)).toEqual([]);
  });

  it('moves out the smaller of two tight groups whose average link is below the threshold', () => {
    expect(splitGroups(['a1', 'b1', 'a2', 'b2', 'a3'], byLabel, 0.2)).toEqual([['b1', 'b2']]);
  });

  it('on a tie keeps the group holding the earliest member', () => {
    expect(splitGroups(['b1', 'a1', 'a2', 'b2'], byLabel, 0.2)).toEqual([['a1', 'a2']]);
  });

  it('leaves single outliers in the story', () => {
    expect(splitGroups(['a1', 'a2', 'a3', 'b1'], byLabel, 0.2)).toEqual([]);
  });

  it('does not split small stories, nor groups still as close as the threshold asks', () => {
    expect(splitGroups(['a1', 'b1', 'b2'], byLabel, 0.2)).toEqual([]);
    expect(splitGroups(['a1', 'b1', 'a2', 'b2'], byLabel, 0.1)).toEqual([]);
  });

  it('uses average link: one close pair across the groups does not hold them together', () => {
    const sim = (a: string, b: string) =>
      (a === 'a1' && b === 'b1') || (a === 'b1' && b === 'a1') ? 0.5 : byLabel(a, b);
    expect(splitGroups(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'], sim, 0.3)).toEqual([['b1', 'b2', 'b3']]);
  });
});
