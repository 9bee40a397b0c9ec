import { describe, expect, it } from 'vitest';
import { fixedTagger } from '../../test-fixtures/fixed-tagger.ts';
import { createExtractor } from './index.ts';

const article = {
  id: 'art-1',
  text: 'Iraqi forces killed Abu Khadija in an airstrike in Anbar province on Thursday night. Iraq confirmed his death on Friday.',
  publishedAt: '2025-03-14T18:00:00Z',
};

describe('createExtractor', () => {
  const extractor = createExtractor({ nerTagger: fixedTagger({ 'Abu Khadija': 'PER' }), version: '1.2.3' });

  it('returns entities and events of one article, linked by entity key', () => {
    const { entities, events } = extractor.extract(article);
    expect(entities.map((e) => [e.kind, e.name])).toEqual([
      ['nationality', 'Iraqi'],
      ['person', 'Abu Khadija'],
      ['location', 'Anbar province'],
      ['date', 'Thursday night'],
      ['location', 'Iraq'],
      ['date', 'Friday'],
    ]);
    expect(events.length).toBeGreaterThan(0);
    const keys = new Set(entities.map((e) => e.key));
    for (const ev of events)
      for (const a of ev.arguments) if (a.entityKey) expect(keys).toContain(a.entityKey);
  });

  it('gives the same ids for the same article and version, and new ids for a new version', () => {
    const again = extractor.extract(article);
    const ids = extractor.extract(article).entities.map((e) => e.id);
    expect(again.entities.map((e) => e.id)).toEqual(ids);
    const next = createExtractor({ nerTagger: fixedTagger({ 'Abu Khadija': 'PER' }), version: '1.2.4' });
    expect(next.extract(article).entities.map((e) => e.id)).not.toEqual(ids);
  });

  it('tags parts of speech only in the sentences that read them, each once, without changing the entities', () => {
    const tagged: string[] = [];
    const withPos = createExtractor({
      nerTagger: fixedTagger({ 'Abu Khadija': 'PER' }),
      posTagger: {
        tagDocument: (sentences) => {
          for (const s of sentences) tagged.push(s.join(' '));
          return sentences.map((s) => s.map(() => 'NN'));
        },
      },
      version: '1.2.3',
    });
    // The middle sentence has no word that can be an event trigger, so nothing reads its tags.
    const text = `${article.text.replace(' Iraq confirmed', ' The weather was mild. Iraq confirmed')}`;
    const three = { ...article, text };
    expect(withPos.extract(three).entities).toEqual(extractor.extract(three).entities);
    expect(tagged).toEqual([
      'Iraqi forces killed Abu Khadija in an airstrike in Anbar province on Thursday night .',
      'Iraq confirmed his death on Friday .',
    ]);
  });

  it('merges a killing reported again under a role description of the victim, keeping the narrative time and source', () => {
    const { entities, events } = extractor.extract({
      id: 'art-2',
      text: 'The leader of the Islamic State (ISIS) in Iraq, Abu Khadija, has been killed in an airstrike. Trump said: “Today the fugitive leader of ISIS in Iraq was killed.” Officials said Abu Khadija died on Thursday night.',
      publishedAt: '2025-03-14T18:00:00Z',
    });
    const victim = entities.find((e) => e.name === 'Abu Khadija');
    const deaths = events.filter((e) => e.type === 'life.die');
    expect(deaths).toHaveLength(1);
    expect(deaths[0]?.arguments.filter((a) => a.role === 'victim').map((a) => a.entityKey)).toEqual([
      victim?.key,
    ]);
    expect(deaths[0]?.time?.value).toBe('2025-03-13');
    expect(deaths[0]?.source?.text).toBe('Officials');
  });

  it('handles an empty article', () => {
    expect(extractor.extract({ id: 'empty', text: '' })).toEqual({ entities: [], events: [] });
  });
});
