import { describe, expect, it } from 'vitest';
import { scoreSpans } from './conlleval.ts';
import { Gazetteer } from './gazetteer.ts';
import { decodeNerModel, decodePosModel, encodeNerModel, encodePosModel } from './model-files.ts';
import { createNerTagger } from './ner-tagger.ts';
import { trainNer } from './ner-training.ts';
import { createPosTagger, trainPos } from './pos-tagger.ts';
import { tinyDocs, tinyPos } from './test-helpers.ts';

const docs = tinyDocs();
const gazetteer = Gazetteer.build(['city'], [['city', ['ostrava']]]);
const model = trainNer(docs, { epochs: 8, seed: 3, folds: 2, gazetteer });

describe('entity training on a tiny corpus', () => {
  it('learns to tag its training documents', () => {
    const tagger = createNerTagger(model);
    const pred = docs.flatMap((d) => tagger.tagDocument(d.tokens));
    const f1 = scoreSpans(
      docs.flatMap((d) => d.spans),
      pred,
    ).get('overall')?.f1;
    expect(f1).toBeGreaterThan(0.95);
  });

  it('generalises to a new sentence built from known names', () => {
    const tagger = createNerTagger(model);
    const [spans] = tagger.tagDocument([['Maria', 'Delacroix', 'visited', 'Ostrava', '.']]);
    expect(spans).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
    ]);
  });

  it('is deterministic for a given seed', () => {
    const again = trainNer(docs, { epochs: 8, seed: 3, folds: 2, gazetteer });
    expect(encodeNerModel(again)).toEqual(encodeNerModel(model));
  });
});

describe('model files', () => {
  it('round-trips an entity model with the same predictions', () => {
    const loaded = decodeNerModel(encodeNerModel(model, { note: 'test' }));
    expect(loaded.stage2).not.toBeNull();
    expect(loaded.gazetteer?.size).toBe(1);
    const a = createNerTagger(model);
    const b = createNerTagger(loaded);
    for (const d of docs) expect(b.tagDocument(d.tokens)).toEqual(a.tagDocument(d.tokens));
    expect(loaded.stage1.trans).toEqual(model.stage1.trans);
    const { keys, weights, nTags } = model.stage1;
    const scale = Math.max(...weights.map(Math.abs)) / 32767;
    for (let r = 0; r < keys.length; r += 7) {
      const got = loaded.stage1.weightsOf(keys[r] as number);
      const want = weights.subarray(r * nTags, (r + 1) * nTags);
      want.forEach((w, k) => {
        expect(Math.abs((got?.[k] ?? 0) - w)).toBeLessThanOrEqual(scale / 2 + 1e-6);
      });
    }
  });

  it('rejects a POS model where an entity model is expected', () => {
    const pos = trainPos(tinyPos(), { epochs: 2, seed: 1 });
    expect(() => decodeNerModel(encodePosModel(pos))).toThrow(/not an entity model/);
  });
});

describe('POS training on a tiny corpus', () => {
  it('learns the tags of its training sentences and survives a save/load round trip', () => {
    const sents = tinyPos();
    const pos = decodePosModel(encodePosModel(trainPos(sents, { epochs: 6, seed: 1 })));
    const tagged = createPosTagger(pos).tagDocument(sents.map((s) => s.tokens));
    let right = 0;
    let total = 0;
    sents.forEach((s, i) => {
      s.tags.forEach((t, j) => {
        total++;
        if (tagged[i]?.[j] === t) right++;
      });
    });
    expect(right / total).toBeGreaterThan(0.98);
  });
});
