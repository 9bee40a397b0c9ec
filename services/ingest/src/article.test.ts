import { ArticleRawV1 } from '@newsflow/shared';
import { describe, expect, it } from 'vitest';
import { buildArticleMessage } from './article.ts';
import { parseBuffered } from './parse/index.ts';
import type { ArticleDraft } from './parse/types.ts';

const draft = (text: string, extra: Partial<ArticleDraft> = {}): ArticleDraft => ({
  title: null,
  text,
  url: null,
  outlet: null,
  byline: null,
  language: null,
  publishedAt: null,
  ...extra,
});
const at = new Date('2026-01-02T03:04:05Z');

describe('buildArticleMessage', () => {
  it('builds a valid news.article.raw.v1 whose id, subject and Nats-Msg-Id are the content id', () => {
    const m = buildArticleMessage(
      draft('Two men were arrested in Lyon on Saturday.', { title: 'Arrests' }),
      { kind: 'http' },
      at,
    );
    expect(ArticleRawV1.safeParse(m).success).toBe(true);
    expect(m.id).toBe(m.data.id);
    expect(m.subject).toBe(m.data.id);
    expect(m.data.id).toMatch(/^art_[0-9a-f]{24}$/);
    expect(m.data.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.data.byteSize).toBe(Buffer.byteLength(m.data.text));
    expect(m.data.language).toBe('en');
    expect(m.data.receivedAt).toBe(at.toISOString());
  });

  it('gives the same id to the same text whatever the file name, title or arrival', () => {
    const a = buildArticleMessage(draft('Same text.'), { kind: 'file', path: 'a.txt' }, at);
    const b = buildArticleMessage(
      draft('Same text.', { title: 'Other title' }),
      { kind: 'cli', path: 'copy.txt' },
      new Date(),
    );
    expect(a.data.id).toBe(b.data.id);
  });

  it('gives one id to texts that differ only in what normalisation removes', () => {
    const ids = [
      'Café\r\nowners  protest.\n',
      'Cafe\u0301\nowners protest.',
      '\ufeffCafé\u00a0\nowners protest.',
    ].map((t) => {
      const r = parseBuffered(Buffer.from(t), 'text', { maxArticles: 1 });
      if (!r.ok || !r.articles[0]) throw new Error('expected article');
      return buildArticleMessage(r.articles[0], { kind: 'http' }, at).data.id;
    });
    expect(new Set(ids).size).toBe(1);
  });

  it('leaves unknown fields out rather than sending nulls', () => {
    const m = buildArticleMessage(draft('Short.'), { kind: 'http' }, at);
    expect(Object.keys(m.data).sort()).toEqual([
      'byteSize',
      'contentHash',
      'id',
      'origin',
      'receivedAt',
      'text',
    ]);
  });
});
