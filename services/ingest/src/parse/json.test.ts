import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/fixtures.ts';
import { parseBuffered } from './index.ts';
import { parseJsonArticle } from './json.ts';

const parseJson = (bytes: Uint8Array) => parseBuffered(bytes, 'json', { maxArticles: 5 });

describe('JSON articles', () => {
  it('maps aliases: headline, body, link, source.name, authors, published_at, lang', () => {
    const r = parseJson(fixture('article.json'));
    expect(r).toMatchObject({
      ok: true,
      articles: [
        {
          title: 'Museum returns looted bronzes',
          url: 'https://culture.example.com/museum-bronzes',
          outlet: 'Culture Daily',
          byline: 'Kofi Mensah, Lena Weiss',
          language: 'en',
          publishedAt: '2025-06-04T10:00:00.000Z',
        },
      ],
    });
  });

  it('keeps the valid items of an array and refuses the others by index', () => {
    const r = parseJson(fixture('articles.json'));
    if (!r.ok) throw new Error('expected articles');
    expect(r.articles.map((a) => a.title)).toEqual(['First', 'Third']);
    expect(r.articles[1]?.publishedAt).toBe('2025-06-04T10:00:00.000Z');
    expect(r.itemRejections).toEqual([expect.objectContaining({ code: 'missing_text', index: 1 })]);
  });

  it('refuses truncated JSON and says so', () => {
    const r = parseJson(fixture('truncated.json'));
    expect(r).toMatchObject({ ok: false, rejection: { code: 'invalid_json' } });
    if (!r.ok) expect(r.rejection.message).toMatch(/truncated/);
  });

  it('refuses an article without text, naming the accepted fields', () => {
    const r = parseJson(fixture('missing-text.json'));
    expect(r).toMatchObject({ ok: false, rejection: { code: 'missing_text' } });
    if (!r.ok) expect(r.rejection.message).toMatch(/text, body, content or articleBody/);
  });

  it('refuses an array longer than the limit', () => {
    const items = JSON.stringify(Array.from({ length: 6 }, (_, i) => ({ text: `Article ${i}` })));
    expect(parseJson(Buffer.from(items))).toMatchObject({
      ok: false,
      rejection: { code: 'too_many_articles' },
    });
  });

  it.each([
    [{ text: 'x', url: 'javascript:alert(1)' }, 'url'],
    [{ text: 'x', publishedAt: 'last Tuesday-ish' }, 'publishedAt'],
    [{ text: 'x', language: 'english please' }, 'language'],
    [{ text: 42 }, 'text'],
    ['just a string', '(root)'],
  ])('refuses %j with a message naming %s', (value, field) => {
    const r = parseJsonArticle(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.message).toContain(field);
  });

  it('refuses empty text after normalisation', () => {
    expect(parseJsonArticle({ text: ' \n ' })).toMatchObject({
      ok: false,
      rejection: { code: 'missing_text' },
    });
  });
});
