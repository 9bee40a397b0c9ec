import { describe, expect, it } from 'vitest';
import { bilouConstraints, freeConstraints } from './bilou.ts';
import { Decoder } from './fast-viterbi.ts';
import { LinearModel } from './linear-model.ts';
import { mulberry32 } from './perceptron.ts';
import { QuantModel } from './quant-model.ts';
import { viterbi } from './viterbi.ts';

function model(T: number, constraints: { allowed: Uint8Array; final: Uint8Array }, rand: () => number) {
  // Small integer scores make exact ties frequent, which is where tie-breaking must match the reference.
  const trans = Float32Array.from({ length: (T + 1) * T }, () => Math.floor(rand() * 7) - 3);
  const tags = Array.from({ length: T }, (_, i) => `t${i}`);
  return new LinearModel(tags, new Uint32Array(0), new Float32Array(0), trans, constraints);
}

describe('allocation-free Viterbi over integer emission sums', () => {
  for (const [name, T, constraints] of [
    ['BILOU (sparse transitions)', 17, bilouConstraints(17)],
    ['free transitions (exact pruning)', 45, freeConstraints(45)],
  ] as const) {
    it(`returns the reference decoder's tags, ties included: ${name}`, () => {
      const rand = mulberry32(7);
      const decoder = new Decoder();
      for (let trial = 0; trial < 200; trial++) {
        const lm = model(T, constraints, rand);
        const qm = new QuantModel(lm);
        const n = 1 + Math.floor(rand() * 12);
        const spread = trial % 2 === 0 ? 3 : 2000;
        const acc = Int32Array.from({ length: n * T }, () => Math.floor(rand() * spread));
        const out = new Uint8Array(n);
        decoder.decode(qm, acc, n, out);
        const want = viterbi(
          Float64Array.from(acc, (v) => v * qm.scale),
          n,
          lm,
        );
        expect(Array.from(out)).toEqual(Array.from(want));
      }
    });
  }
});
