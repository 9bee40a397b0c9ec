import { describe, expect, it } from 'vitest';
import { createNerStage, type NerTagger } from './ner.ts';
import { buildDoc } from './sentences.ts';

/** A tagger that returns the given spans for every document, to test the adapter alone. */
const taggerReturning = (spans: ReturnType<NerTagger['tagDocument']>): NerTagger => ({
  tagDocument: () => spans,
});

describe('createNerStage', () => {
  it('maps token spans to typed mentions with exact character offsets', () => {
    const text = 'Fouad Hussein met Turkey’s envoy.\nThe UN agreed.';
    const stage = createNerStage(
      taggerReturning([
        [
          { type: 'PER', start: 0, end: 2 },
          { type: 'LOC', start: 3, end: 5 },
        ],
        [{ type: 'ORG', start: 0, end: 2 }],
      ]),
    );
    const ms = stage(buildDoc(text));
    expect(ms.map((m) => [m.kind, m.text, m.sentence, m.tokenStart, m.tokenEnd])).toEqual([
      ['person', 'Fouad Hussein', 0, 0, 2],
      ['location', 'Turkey', 0, 3, 4],
      ['organization', 'UN', 1, 1, 2],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('trims courtesy titles from persons but keeps a lone name', () => {
    const stage = createNerStage(
      taggerReturning([[{ type: 'PER', start: 0, end: 2 }], [{ type: 'PER', start: 0, end: 1 }]]),
    );
    expect(stage(buildDoc('Mr Fox spoke.\nMr spoke.')).map((m) => m.text)).toEqual(['Fox', 'Mr']);
  });

  it('passes the sentences to the tagger as token texts, all at once', () => {
    const seen: string[][][] = [];
    const stage = createNerStage({
      tagDocument: (sentences) => {
        seen.push(sentences.map((s) => [...s]));
        return [];
      },
    });
    stage(buildDoc('Syria’s minister left. He came back.'));
    expect(seen).toEqual([
      [
        ['Syria', '’s', 'minister', 'left', '.'],
        ['He', 'came', 'back', '.'],
      ],
    ]);
  });
});
