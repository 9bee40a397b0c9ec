import { describe, expect, it } from 'vitest';
import {
  type ArticleView,
  articleSimilarity,
  DEFAULT_SIMILARITY,
  type EntityMark,
  namesConflict,
} from './similarity.ts';
import { termCounts, textVectors } from './text.ts';

const mark = (type: string, name: string, salience: number, idf = 5): EntityMark => ({
  type,
  tokens: name.toLowerCase().split(/\s+/),
  salience,
  idf,
});

/** An article from its text and its entities as [canonical id, mark]. */
const article = (text: string, entities: [string, EntityMark][], events: string[] = []): ArticleView => ({
  vector: textVectors(termCounts(text), () => 1, 10),
  entities: new Map(entities),
  events: new Set(events),
});

const jackson = article('Chargers receiver Vincent Jackson was arrested on suspicion of drunken driving.', [
  ['vj', mark('person', 'Vincent Jackson', 1)],
  ['chargers', mark('organization', 'Chargers', 0.6)],
]);
const jacksonAgain = article('Vincent Jackson of the Chargers was arrested for DUI, police said.', [
  ['vj', mark('person', 'Vincent Jackson', 1)],
  ['chargers', mark('organization', 'Chargers', 0.5)],
]);
const williams = article(
  'Chargers lineman Jamal Williams was arrested on suspicion of drunken driving, months after Vincent Jackson.',
  [
    ['jw', mark('person', 'Jamal Williams', 1)],
    ['chargers', mark('organization', 'Chargers', 0.6)],
    ['vj', mark('person', 'Vincent Jackson', 0.2)],
  ],
);

describe('namesConflict', () => {
  it('finds two reports about different people of the same kind of happening', () => {
    expect(namesConflict(jackson, williams, DEFAULT_SIMILARITY)).toBe(true);
    expect(namesConflict(williams, jackson, DEFAULT_SIMILARITY)).toBe(true);
  });

  it('does not fire for two reports about the same person', () => {
    expect(namesConflict(jackson, jacksonAgain, DEFAULT_SIMILARITY)).toBe(false);
  });

  it('counts a salient mention of the other main name as shared, and a surname as the same name', () => {
    const both = article('Jackson and Jamal Williams were arrested.', [
      ['jw', mark('person', 'Jamal Williams', 1)],
      ['j', mark('person', 'Jackson', 0.5)],
    ]);
    expect(namesConflict(jackson, both, DEFAULT_SIMILARITY)).toBe(false);
  });

  it('ignores common names and articles without a main name of the compared types', () => {
    const common = article('Police arrested a man.', [['p', mark('person', 'John Smith', 1, 1.2)]]);
    const noPerson = article('The Chargers lost again.', [['chargers', mark('organization', 'Chargers', 1)]]);
    expect(namesConflict(jackson, common, DEFAULT_SIMILARITY)).toBe(false);
    expect(namesConflict(jackson, noPerson, DEFAULT_SIMILARITY)).toBe(false);
  });

  it('picks the names again for other options on the same articles', () => {
    expect(namesConflict(jackson, williams, DEFAULT_SIMILARITY)).toBe(true);
    // With a main-name idf that no name reaches there are no main names, so nothing conflicts.
    expect(namesConflict(jackson, williams, { ...DEFAULT_SIMILARITY, mainIdf: 6 })).toBe(false);
    expect(namesConflict(jackson, williams, DEFAULT_SIMILARITY)).toBe(true);
  });
});

describe('articleSimilarity', () => {
  it('scales the similarity of conflicting articles by the conflict factor', () => {
    const off = { ...DEFAULT_SIMILARITY, nameConflictFactor: 1 };
    const on = { ...DEFAULT_SIMILARITY, nameConflictFactor: 0.5 };
    expect(articleSimilarity(jackson, williams, on)).toBeCloseTo(
      articleSimilarity(jackson, williams, off) * 0.5,
    );
    expect(articleSimilarity(jackson, jacksonAgain, on)).toBeCloseTo(
      articleSimilarity(jackson, jacksonAgain, off),
    );
  });

  it('adds the shared-event bonus', () => {
    const a = article('Police arrested Vincent Jackson on Friday.', [], ['e1']);
    const b = article('Vincent Jackson was arrested, his agent said.', [], ['e1']);
    const c = article('Vincent Jackson was arrested, his agent said.', [], ['e2']);
    const o = { ...DEFAULT_SIMILARITY, eventBonus: 0.15 };
    expect(articleSimilarity(a, c, o)).toBeLessThan(0.85);
    expect(articleSimilarity(a, b, o)).toBeCloseTo(articleSimilarity(a, c, o) + 0.15);
  });
});
