import { describe, expect, it } from 'vitest';
import { createCatalogue } from './subjects.ts';

describe('subject catalogue', () => {
  it('uses the documented default subjects and streams', () => {
    const c = createCatalogue();
    expect(c.articlesRaw).toBe('news.articles.raw');
    expect(c.entity('person')).toBe('news.entities.person');
    expect(c.event('conflict.attack')).toBe('news.events.conflict.attack');
    expect(c.dlq('extract')).toBe('news.dlq.extract');
    expect(c.streams.extractions.name).toBe('NEWS_EXTRACTIONS');
  });

  it('namespaces subjects and stream names', () => {
    const c = createCatalogue('t1');
    expect(c.articlesRaw).toBe('t1.news.articles.raw');
    expect(c.streams.articles.name).toBe('T1_NEWS_ARTICLES');
  });

  it('refuses malformed event types and namespaces', () => {
    expect(() => createCatalogue().event('attack')).toThrow(/invalid event type/);
    expect(() => createCatalogue('Bad Space')).toThrow(/invalid namespace/);
  });

  it('gives every stream subjects that no other stream claims', () => {
    const all = Object.values(createCatalogue().streams).flatMap((s) => s.subjects);
    expect(new Set(all).size).toBe(all.length);
  });
});
