import { type Rejection, reject } from '../errors.ts';
import { describeIssues, draftFromJson, JsonArticleInput } from './json-input.ts';
import type { ArticleDraft, ParseResult } from './types.ts';
import { parsed, refused } from './types.ts';

export type ItemResult = { ok: true; article: ArticleDraft } | { ok: false; rejection: Rejection };

/** Validates one JSON value as an article (see {@link JsonArticleInput}); `where` locates it in its input. */
export function parseJsonArticle(value: unknown, where: { line?: number; index?: number } = {}): ItemResult {
  const result = JsonArticleInput.safeParse(value);
  if (!result.success) {
    const missingText = result.error.issues.some((i) => i.path[0] === 'text' && i.code === 'custom');
    const code = missingText ? 'missing_text' : 'invalid_article';
    return { ok: false, rejection: reject(code, describeIssues(result.error), where) };
  }
  const article = draftFromJson(result.data);
  if (article.text === '')
    return { ok: false, rejection: reject('missing_text', 'the article text is empty', where) };
  return { ok: true, article };
}

/** Parses JSON text, naming truncation explicitly. */
export function parseJsonText(
  text: string,
  where: { line?: number } = {},
): { ok: true; value: unknown } | { ok: false; rejection: Rejection } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    const msg = (cause as Error).message;
    const position = /at position (\d+)/.exec(msg);
    const atEnd = position ? Number(position[1]) >= text.trimEnd().length : false;
    const truncated = atEnd || /end of (JSON )?(data|input)|Unterminated/i.test(msg);
    return {
      ok: false,
      rejection: reject('invalid_json', `${truncated ? 'truncated JSON' : 'invalid JSON'}: ${msg}`, where),
    };
  }
}

/**
 * Parses a `.json` file: one article object, or an array of them. Invalid items of an array are refused one by
 * one (`itemRejections`, with their index) while the valid ones are kept.
 */
export function parseJsonDocument(text: string, maxArticles: number): ParseResult {
  const json = parseJsonText(text);
  if (!json.ok) return refused(json.rejection);
  if (!Array.isArray(json.value)) {
    const one = parseJsonArticle(json.value);
    return one.ok ? parsed([one.article]) : refused(one.rejection);
  }
  if (json.value.length === 0) return refused(reject('empty', 'the JSON array holds no articles'));
  if (json.value.length > maxArticles) {
    return refused(
      reject('too_many_articles', `${json.value.length} articles; the limit is ${maxArticles} per file`),
    );
  }
  const articles: ArticleDraft[] = [];
  const rejections: Rejection[] = [];
  json.value.forEach((item, index) => {
    const one = parseJsonArticle(item, { index });
    if (one.ok) articles.push(one.article);
    else rejections.push(one.rejection);
  });
  return parsed(articles, rejections);
}
