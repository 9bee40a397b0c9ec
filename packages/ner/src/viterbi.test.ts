import { describe, expect, it } from 'vitest';
import { bilouConstraints, bilouTags, freeConstraints } from './bilou.ts';
import { hash1 } from './hash.ts';
import { KeyBuffer } from './key-buffer.ts';
import { LinearModel } from './linear-model.ts';
import { viterbi } from './viterbi.ts';

describe('Viterbi decoding', () => {
  it('lets transition scores overrule the locally best tag', () => {
    // Two tags A=0, B=1; token 1 slightly prefers A, but A->A is heavily penalised.
    const emit = Float64Array.from([5, 0, 1, 0.9]);
    const trans = Float64Array.from([-10, 0, 0, 0, 0, 0]);
    const m = { nTags: 2, trans, ...freeConstraints(2) };
    expect(Array.from(viterbi(emit, 2, m))).toEqual([0, 1]);
    const free = { nTags: 2, trans: new Float64Array(6), ...freeConstraints(2) };
    expect(Array.from(viterbi(emit, 2, free))).toEqual([0, 0]);
  });

  it('never produces an ill-formed BILOU sequence', () => {
    const tags = bilouTags(['PER']);
    const T = tags.length;
    // Emissions favour I-PER then O, which BILOU forbids; best legal path is U-PER, O.
    const emit = new Float64Array(2 * T);
    emit[tags.indexOf('I-PER')] = 10;
    emit[tags.indexOf('U-PER')] = 6;
    emit[T + tags.indexOf('O')] = 10;
    const m = { nTags: T, trans: new Float64Array((T + 1) * T), ...bilouConstraints(T) };
    expect(Array.from(viterbi(emit, 2, m), (t) => tags[t])).toEqual(['U-PER', 'O']);
  });

  it('decodes with a hand-built linear model over hashed features', () => {
    const tags = ['O', 'NAME'];
    const keys = Uint32Array.from([hash1(1, 'alice'), hash1(1, 'said')]);
    const weights = Float32Array.from([0, 2, 1, 0]);
    const model = new LinearModel(tags, keys, weights, new Float32Array(6), freeConstraints(2));
    const buf = new KeyBuffer();
    for (const w of ['alice', 'said', 'unknown']) {
      buf.push(hash1(1, w));
      buf.endToken();
    }
    // The unknown word has no weights: all-zero scores, ties go to the first tag.
    expect(Array.from(model.decode(buf), (t) => tags[t])).toEqual(['NAME', 'O', 'O']);
  });
});
