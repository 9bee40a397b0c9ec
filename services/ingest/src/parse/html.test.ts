import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/fixtures.ts';
import { parseHtml } from './html.ts';
import type { ArticleDraft } from './types.ts';

const one = (html: string): ArticleDraft => {
  const r = parseHtml(html);
  if (!r.ok || !r.articles[0]) throw new Error(`expected an article: ${JSON.stringify(r)}`);
  return r.articles[0];
};

describe('parseHtml', () => {
  const page = fixture('article.html').toString('utf8');

  it('yields clean article text: no scripts, styles, navigation, footer or embeds', () => {
    const a = one(page);
    for (const marker of [
      'MUST-NOT-APPEAR',
      'window.__injected',
      'font-family',
      'Most read',
      'All rights reserved',
      'Home',
    ]) {
      expect(a.text).not.toContain(marker);
    }
    expect(a.text.split('\n\n')).toHaveLength(4);
    expect(a.text.startsWith('The port of Easthaven reopened on Friday morning')).toBe(true);
    expect(a.text.endsWith('according to the regional grid operator.')).toBe(true);
  });

  it('reads title, byline, outlet, canonical URL, language and publication time from the head', () => {
    expect(one(page)).toMatchObject({
      title: 'Harbour reopens after three-day storm closure',
      byline: 'Maria Jensen',
      outlet: 'The Coastal Courier',
      url: 'https://courier.example.org/news/harbour-reopens',
      language: 'en',
      publishedAt: '2025-03-14T09:30:00+01:00',
    });
  });

  it('never runs page scripts', () => {
    one(page);
    expect((globalThis as Record<string, unknown>).__injected).toBeUndefined();
  });

  it('falls back to JSON-LD for headline, authors, publisher, date and URL', () => {
    expect(one(fixture('jsonld-only.html').toString('utf8'))).toMatchObject({
      title: 'Council approves 2026 budget',
      byline: 'Ana Silva, Jon Park',
      outlet: 'Riverside Gazette',
      url: 'https://gazette.example.com/council-budget',
      publishedAt: '2025-11-02T00:00:00.000Z',
    });
  });

  it('uses the body text of a short page Readability does not consider an article', () => {
    const a = one('<html><head><title>Short</title></head><body><p>Two men were arrested.</p></body></html>');
    expect(a.text).toBe('Two men were arrested.');
    expect(a.title).toBe('Short');
  });

  it('refuses a page with no text', () => {
    expect(parseHtml('<html><body><script>var x = 1</script></body></html>')).toMatchObject({
      ok: false,
      rejection: { code: 'empty' },
    });
  });

  it('reads an HTML fragment without <html> or <body>', () => {
    expect(one('<p>The council approved the new budget on Monday after a long debate.</p>').text).toBe(
      'The council approved the new budget on Monday after a long debate.',
    );
  });

  it('survives 10,000 nested elements and a script left open in the head', () => {
    const deep = `<html><body>${'<div>'.repeat(10_000)}Deep text here.${'</div>'.repeat(10_000)}</body></html>`;
    expect(one(deep).text).toBe('Deep text here.');
    const open =
      '<html><head><title>A title</title><script>x</head><body><script>y</script><p>Body text.</p>';
    expect(() => parseHtml(open)).not.toThrow();
  });

  it('drops control characters that arrive as entities', () => {
    expect(one('<html><body><p>A &#x1; B &#x1b; C &#8; D.</p></body></html>').text).toBe('A B C D.');
  });
});
