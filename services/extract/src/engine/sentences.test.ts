import { describe, expect, it } from 'vitest';
import { buildDoc } from './sentences.ts';

const sentenceTexts = (text: string): string[] =>
  buildDoc(text).sentences.map((s) => text.slice(s.start, s.end));

describe('buildDoc', () => {
  it('splits on terminal punctuation before a capital but not after titles', () => {
    expect(sentenceTexts('Mr. Smith met Gen. Jones. The talks ended! Did they? Yes.')).toEqual([
      'Mr. Smith met Gen. Jones.',
      'The talks ended!',
      'Did they?',
      'Yes.',
    ]);
  });

  it('ends a sentence after an initialism only when a sentence starter follows', () => {
    expect(
      sentenceTexts('Support came from U.S. forces in Iraq. It ended in the U.S. The next day came.'),
    ).toEqual(['Support came from U.S. forces in Iraq.', 'It ended in the U.S.', 'The next day came.']);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(sentenceTexts('He said: “Today he was killed.” Then he left. “PEACE!”\nNext')).toEqual([
      'He said: “Today he was killed.”',
      'Then he left.',
      '“PEACE!”',
      'Next',
    ]);
  });

  it('does not split a quote that continues the sentence', () => {
    expect(sentenceTexts('“We continue,” al-Sudani stated.')).toEqual(['“We continue,” al-Sudani stated.']);
  });

  it('treats a line break as a boundary unless the next line continues in lower case', () => {
    expect(
      sentenceTexts('Headline without period\nBody starts here and\ncontinues here.\n\nnew paragraph'),
    ).toEqual(['Headline without period', 'Body starts here and\ncontinues here.', 'new paragraph']);
  });

  it('numbers sentences, keeps absolute token offsets and the publication date', () => {
    const doc = buildDoc('One. Two words.', '2025-03-14T10:00:00Z');
    expect(doc.publishedAt).toBe('2025-03-14T10:00:00Z');
    expect(doc.sentences.map((s) => s.index)).toEqual([0, 1]);
    const second = doc.sentences[1];
    expect(second?.tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      ['Two', 5, 8],
      ['words', 9, 14],
      ['.', 14, 15],
    ]);
  });

  it('returns no sentences for empty or blank text', () => {
    expect(buildDoc('').sentences).toEqual([]);
    expect(buildDoc(' \n\t ').sentences).toEqual([]);
  });
});
