import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docInfo } from './doc-info.ts';
import { Gazetteer } from './gazetteer.ts';
import { KeyBuffer } from './key-buffer.ts';
import type { LinearModel } from './linear-model.ts';
import {
  DEFAULT_NER_MODEL,
  DEFAULT_POS_MODEL,
  decodeNerModel,
  decodePosModel,
  encodeNerModel,
} from './model-files.ts';
import { nerFeatures } from './ner-features.ts';
import {
  createNerTagger,
  createReferenceNerTagger,
  docLabels,
  firstPass,
  type NerModel,
} from './ner-tagger.ts';
import { type NerTrainDoc, trainNer } from './ner-training.ts';
import { posFeatures } from './pos-features.ts';
import { createPosTagger, createReferencePosTagger } from './pos-tagger.ts';
import { tinyDocs } from './test-helpers.ts';

/** Invented news-like documents: headline in capitals, dateline, quotes, repeated names, numbers. */
const DOCS: string[][][] = [
  [
    ['MINISTER', 'VISITS', 'ARDENVALE', 'AFTER', 'FLOODS'],
    ['ARDENVALE', '2025-03-14'],
    [
      'Foreign',
      'Minister',
      'Lena',
      'Okonkwo',
      'arrived',
      'in',
      'Ardenvale',
      'on',
      'Friday',
      ',',
      'the',
      'ministry',
      'said',
      '.',
    ],
    ['\u201c', 'We', 'will', 'rebuild', ',', '\u201d', 'Okonkwo', 'told', 'Reuters', 'in', 'Paris', '.'],
    [
      'The',
      'World',
      'Bank',
      'pledged',
      '$',
      '120',
      'million',
      'to',
      'the',
      'Ardenvale',
      'Relief',
      'Fund',
      '.',
    ],
    [],
    [
      'Okonkwo',
      "'s",
      'visit',
      'follows',
      'talks',
      'with',
      'Iraqi',
      'and',
      'Syrian',
      'officials',
      'in',
      'Baghdad',
      '.',
    ],
  ],
  [
    [
      'Shares',
      'of',
      'Kestrel',
      'Motors',
      'rose',
      '3.5',
      '%',
      'in',
      'New',
      'York',
      'trading',
      '--',
      'analysts',
      'said',
      '.',
    ],
    [
      'Kestrel',
      'Motors',
      'chief',
      'executive',
      'Ana',
      'Ruiz',
      '-',
      'Vidal',
      'declined',
      'to',
      'comment',
      '.',
    ],
    ['said'],
  ],
];

/**
 * For each pass and non-empty sentence of `doc`: the fast tagger's emission scores beside the reference model's,
 * and the most features any one token of the sentence has.
 */
function nerScores(model: NerModel, doc: string[][]) {
  const got: Float64Array[][] = [[], []];
  createNerTagger(model, {
    onScores: (pass, _s, scores) => void (got[pass] as Float64Array[]).push(scores),
  }).tagDocument(doc);
  const info = docInfo(doc, model.gazetteer ?? undefined, -1);
  const labels = docLabels(info, firstPass(model.stage1, info));
  const buf = new KeyBuffer();
  const nonEmpty = doc.flatMap((s, si) => (s.length > 0 ? [si] : []));
  return [model.stage1, model.stage2].flatMap((m, pass) =>
    nonEmpty.map((si, k) => {
      buf.reset();
      nerFeatures(info, si, buf, pass === 1 ? labels : undefined);
      let most = 0;
      for (let t = 0; t + 1 < buf.offs.length; t++)
        most = Math.max(most, (buf.offs[t + 1] as number) - (buf.offs[t] as number));
      const want = (m as LinearModel).emissions(buf);
      const have = got[pass]?.[k] as Float64Array;
      const gap = Math.max(0, ...want.map((w, j) => Math.abs(w - (have[j] as number))));
      return { model: m as LinearModel, want, have, gap, most };
    }),
  );
}

describe('fast taggers match the reference path', () => {
  it('entity tags of the shipped model are identical, document by document', () => {
    const model = decodeNerModel(readFileSync(DEFAULT_NER_MODEL));
    const fast = createNerTagger(model);
    const ref = createReferenceNerTagger(model);
    for (const doc of DOCS) expect(fast.tagDocument(doc)).toEqual(ref.tagDocument(doc));
  });

  it('POS tags of the shipped model are identical', () => {
    const model = decodePosModel(readFileSync(DEFAULT_POS_MODEL));
    const fast = createPosTagger(model);
    const ref = createReferencePosTagger(model);
    for (const doc of DOCS) expect(fast.tagDocument(doc)).toEqual(ref.tagDocument(doc));
  });

  it('a tiny trained two-pass model with a gazetteer tags the same after a save/load round trip', () => {
    const docs = tinyDocs();
    const gazetteer = Gazetteer.build(['city'], [['city', ['ostrava']]]);
    const loaded = decodeNerModel(
      encodeNerModel(trainNer(docs, { epochs: 4, seed: 5, folds: 2, gazetteer })),
    );
    const fast = createNerTagger(loaded);
    const ref = createReferenceNerTagger(loaded);
    for (const d of [...docs.map((x) => x.tokens), ...DOCS])
      expect(fast.tagDocument(d)).toEqual(ref.tagDocument(d));
  });

  it('scores a token inside hundreds of gazetteer phrases like the reference (row buffer grows)', () => {
    // 20 categories with the phrases "ostrava" x 1..8: a token in a run of ten lies in ~36 phrases of each.
    const cats = Array.from({ length: 20 }, (_, c) => `cat${c}`);
    const entries: [string, string[]][] = cats.flatMap((c) =>
      Array.from({ length: 8 }, (_, k): [string, string[]] => [c, Array(k + 1).fill('ostrava')]),
    );
    const gazetteer = Gazetteer.build(cats, entries);
    const run: string[] = Array(10).fill('Ostrava');
    const train: NerTrainDoc[] = [
      ...tinyDocs(),
      { tokens: [[...run, 'flooded', '.']], spans: [[{ start: 0, end: 10, type: 'LOC' }]] },
    ];
    const model = decodeNerModel(
      encodeNerModel(trainNer(train, { epochs: 3, seed: 5, folds: 2, gazetteer })),
    );
    const doc = [['Rain', 'in', ...run, 'again', '.'], [...run]];
    for (const { model: m, gap, most } of nerScores(model, doc)) {
      // The fast path adds int16 weights: each feature may be off by half a unit, and a token here has hundreds.
      expect(most).toBeGreaterThan(500);
      expect(gap).toBeLessThanOrEqual((most * (m.quantized?.scale ?? 0)) / 2 + 1e-9);
    }
    expect(createNerTagger(model).tagDocument(doc)).toEqual(createReferenceNerTagger(model).tagDocument(doc));
  });

  it('give the same tags when the word cache is far too small and keeps being emptied', () => {
    const ner = decodeNerModel(readFileSync(DEFAULT_NER_MODEL));
    const pos = decodePosModel(readFileSync(DEFAULT_POS_MODEL));
    const [bigN, smallN] = [createNerTagger(ner), createNerTagger(ner, { cacheWords: 8 })];
    const [bigP, smallP] = [createPosTagger(pos), createPosTagger(pos, { cacheWords: 8 })];
    for (let round = 0; round < 2; round++) {
      for (const doc of DOCS) {
        expect(smallN.tagDocument(doc)).toEqual(bigN.tagDocument(doc));
        expect(smallP.tagDocument(doc)).toEqual(bigP.tagDocument(doc));
      }
    }
  });
});

describe('fast taggers score every feature of the reference extractors', () => {
  it('entity emission scores equal the reference ones in both passes', () => {
    const model = decodeNerModel(readFileSync(DEFAULT_NER_MODEL));
    for (const doc of DOCS) {
      for (const { want, have, gap } of nerScores(model, doc)) {
        expect(have.length).toBe(want.length);
        expect(gap).toBeLessThan(1e-3);
      }
    }
  });

  it('POS emission scores equal the reference ones', () => {
    const model = decodePosModel(readFileSync(DEFAULT_POS_MODEL));
    for (const doc of DOCS) {
      const got: Float64Array[] = [];
      createPosTagger(model, { onScores: (_, scores) => void got.push(scores) }).tagDocument(doc);
      const info = docInfo(doc);
      const buf = new KeyBuffer();
      const nonEmpty = doc.flatMap((s, si) => (s.length > 0 ? [si] : []));
      nonEmpty.forEach((si, k) => {
        buf.reset();
        posFeatures(info, si, buf);
        const want = model.emissions(buf);
        expect(Math.max(0, ...want.map((w, j) => Math.abs(w - (got[k]?.[j] as number))))).toBeLessThan(1e-3);
      });
    }
  });
});
