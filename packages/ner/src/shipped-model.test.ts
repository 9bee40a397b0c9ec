import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NER_MODEL, DEFAULT_POS_MODEL, loadNerModel, loadPosModel } from './model-files.ts';

describe('shipped models', () => {
  it('are present in the package', () => {
    expect(existsSync(DEFAULT_NER_MODEL)).toBe(true);
    expect(existsSync(DEFAULT_POS_MODEL)).toBe(true);
  });

  it('tag persons, places and organisations in news-like text, typographic quotes included', () => {
    const tagger = loadNerModel();
    const [s0, s1] = tagger.tagDocument([
      ['Prime', 'Minister', 'Angela', 'Merkel', 'arrived', 'in', 'Paris', 'on', 'Friday', '.'],
      ['\u201c', 'We', 'will', 'talk', ',', '\u201d', 'Merkel', 'told', 'Reuters', '.'],
    ]);
    expect(s0).toContainEqual({ type: 'PER', start: 2, end: 4 });
    expect(s0).toContainEqual({ type: 'LOC', start: 6, end: 7 });
    expect(s1).toContainEqual({ type: 'PER', start: 6, end: 7 });
    expect(s1).toContainEqual({ type: 'ORG', start: 8, end: 9 });
  });

  it('accept empty documents and empty sentences', () => {
    const tagger = loadNerModel();
    expect(tagger.tagDocument([])).toEqual([]);
    expect(tagger.tagDocument([[], ['it', 'rained', '.']])).toEqual([[], []]);
  });

  it('tag parts of speech of each sentence on its own (one call per sentence gives the same tags)', () => {
    const pos = loadPosModel();
    const sentences = [
      ['The', 'minister', 'said', 'the', 'talks', 'were', 'in', 'Paris', '.'],
      ['Police', 'arrested', 'two', 'men', 'after', 'the', 'blast', '.'],
      ['Talks', 'resume', 'Monday', '.'],
    ];
    expect(sentences.map((s) => pos.tagDocument([s])[0])).toEqual(pos.tagDocument(sentences));
  });

  it('tag Penn Treebank parts of speech', () => {
    const [tags] = loadPosModel().tagDocument([
      ['The', 'minister', 'said', 'the', 'talks', 'were', 'in', 'Paris', '.'],
    ]);
    expect(tags).toEqual(['DT', 'NN', 'VBD', 'DT', 'NNS', 'VBD', 'IN', 'NNP', '.']);
  });
});
