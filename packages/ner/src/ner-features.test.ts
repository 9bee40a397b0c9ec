import { describe, expect, it } from 'vitest';
import { docInfo } from './doc-info.ts';
import { Gazetteer } from './gazetteer.ts';
import { KeyBuffer } from './key-buffer.ts';
import { nerFeatures, voteCounts } from './ner-features.ts';

function features(sentences: string[][], si = 0, gazetteer?: Gazetteer): Uint32Array[] {
  const doc = docInfo(sentences, gazetteer);
  const buf = new KeyBuffer();
  nerFeatures(doc, si, buf);
  const out: Uint32Array[] = [];
  for (let i = 0; i + 1 < buf.offs.length; i++) out.push(buf.keys.slice(buf.offs[i], buf.offs[i + 1]));
  return out;
}

describe('entity features', () => {
  it('emits one group of non-zero keys per token', () => {
    const f = features([['Obama', 'visited', 'Paris', '.']]);
    expect(f).toHaveLength(4);
    for (const keys of f) {
      expect(keys.length).toBeGreaterThan(20);
      expect(keys.every((k) => k !== 0)).toBe(true);
    }
  });

  it('treats typographic and ASCII apostrophes alike', () => {
    const a = features([['Obama', '\u2019s', 'visit']]);
    const b = features([['Obama', "'s", 'visit']]);
    expect(a).toEqual(b);
  });

  it('depends on the neighbouring words', () => {
    const a = features([['Mr.', 'Smith', 'left']]);
    const b = features([['The', 'Smith', 'left']]);
    expect(a[1]).not.toEqual(b[1]);
  });

  it('marks headline words by whether the document capitalises them mid-sentence', () => {
    const headline = ['RIVERS', 'RISE', 'IN', 'MARROW'];
    const seen = features([headline, ['Water', 'rose', 'in', 'Marrow', '.']]);
    const unseen = features([headline, ['Water', 'rose', 'in', 'the', 'rivers', '.']]);
    expect(seen[3]).not.toEqual(unseen[3]);
    expect(seen[1]).toEqual(unseen[1]);
  });

  it('adds gazetteer features for multi-token matches', () => {
    const gaz = Gazetteer.build(['city'], [['city', ['port', 'selina']]]);
    const sentence = ['we', 'were', 'in', 'Port', 'Selina'];
    const withGaz = features([sentence], 0, gaz);
    const without = features([sentence]);
    expect(withGaz[3]?.length).toBeGreaterThan(without[3]?.length ?? 0);
    expect(withGaz[4]?.length).toBeGreaterThan(without[4]?.length ?? 0);
    expect(withGaz[0]).toEqual(without[0]);
  });
});

describe('domain features', () => {
  it('are absent without domain adaptation and differ between corpora with it', () => {
    const sentence = [['Smith', 'left']];
    const keys = (domain: number) => {
      const buf = new KeyBuffer();
      nerFeatures(docInfo(sentence, undefined, domain), 0, buf);
      return buf.keys.slice(0, buf.n);
    };
    const none = keys(-1);
    const conll = keys(0);
    const other = keys(1);
    expect(conll.length).toBeGreaterThan(none.length);
    expect(Array.from(conll.slice(0, 10))).toEqual(Array.from(none.slice(0, 10)));
    expect(conll).not.toEqual(other);
  });
});

describe('gazetteer', () => {
  it('reports B/I/L/U positions of every match', () => {
    const gaz = Gazetteer.build(
      ['place', 'name'],
      [
        ['place', ['new', 'york', 'city']],
        ['place', ['york']],
        ['name', ['york']],
      ],
    );
    // code = category * 4 + position (B=0, I=1, L=2, U=3)
    const codes = gaz.match(['in', 'new', 'york', 'city']).map((c) => [...c].sort());
    expect(codes).toEqual([[], [0], [1, 3, 7], [2]]);
  });
});

describe('document votes', () => {
  it('counts first-pass types per folded word over the document', () => {
    const doc = docInfo([
      ['Smith', 'won'],
      ['SMITH', 'lost'],
    ]);
    // tags: O=0, B-PER=1, I-PER=2, L-PER=3, U-PER=4 ...
    const votes = voteCounts(doc, [Uint8Array.from([4, 0]), Uint8Array.from([0, 0])], 4);
    expect(Array.from(votes.get('smith') ?? [])).toEqual([1, 1, 0, 0, 0]);
  });
});
