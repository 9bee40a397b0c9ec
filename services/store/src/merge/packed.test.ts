import { describe, expect, it } from 'vitest';
import { createPackedDot } from './packed.ts';

/** The Map-based loop the packed dot product must equal bit for bit. */
function mapDot(small: Map<string, number>, large: Map<string, number>): number {
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** A deterministic pseudo-random vector over a vocabulary of `vocab` terms. */
function vector(seed: number, size: number, vocab: number): Map<string, number> {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const v = new Map<string, number>();
  while (v.size < size) v.set(`t${Math.floor(next() * vocab)}`, next() / 7);
  return v;
}

describe('packed dot product', () => {
  it('equals the Map-based loop exactly, in either order, for vectors reused many times', () => {
    const dot = createPackedDot(1 << 20);
    const vs = Array.from({ length: 30 }, (_, i) => vector(i + 1, 20 + i * 7, 500));
    for (const a of vs)
      for (const b of vs) {
        expect(dot(a, b)).toBe(mapDot(a, b));
        expect(dot(b, a)).toBe(mapDot(b, a));
      }
  });

  it('stays exact when its term table fills and starts over between and within calls', () => {
    const dot = createPackedDot(300);
    const vs = Array.from({ length: 40 }, (_, i) => vector(100 + i, 60, 5000));
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < vs.length; i++) {
        const a = vs[i] as Map<string, number>;
        const b = vs[(i * 7 + round) % vs.length] as Map<string, number>;
        expect(dot(a, b)).toBe(mapDot(a, b));
      }
  });

  it('gives 0 for disjoint or empty vectors', () => {
    const dot = createPackedDot(1000);
    expect(dot(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(0);
    expect(dot(new Map(), new Map([['b', 1]]))).toBe(0);
  });
});
