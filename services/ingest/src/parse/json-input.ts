import { z } from 'zod';
import { toIsoDate } from './dates.ts';
import { normaliseLanguageTag } from './language.ts';
import { normaliseField, normaliseText } from './normalise.ts';
import { parseSourceValue, safeUrl } from './source-line.ts';
import type { ArticleDraft } from './types.ts';

const text = z.string().nullish();
const named = z.union([z.string(), z.object({ name: z.string() })]).nullish();
const people = z
  .union([
    z.string(),
    z.array(z.union([z.string(), z.object({ name: z.string() })])),
    z.object({ name: z.string() }),
  ])
  .nullish();
const date = z.union([z.string(), z.number()]).nullish();
const url = z
  .string()
  .refine((v) => safeUrl(v) !== null, 'must be an absolute http(s) URL')
  .nullish();

/**
 * The article fields accepted in `.json`, `.jsonl`/`.ndjson` files and by `POST /v1/articles`. Aliases cover
 * common feed and scraper shapes (NewsAPI, schema.org, RSS-to-JSON); the first present alias wins. Unknown
 * fields are ignored. Only the text is required.
 */
export const JsonArticleInput = z
  .object({
    /** Headline. */
    title: text,
    headline: text,
    /** Article body; required under one of these names. */
    text,
    body: text,
    content: text,
    articleBody: text,
    /** Canonical URL of the article. */
    url,
    link: url,
    /** Publisher name, or a URL/host it can be read from; `source` may be `{ "name": "..." }`. */
    outlet: named,
    source: named,
    publisher: named,
    siteName: named,
    site_name: named,
    /** Author(s): a string, an array of strings, or `{ "name": "..." }` objects. */
    byline: people,
    author: people,
    authors: people,
    /** ISO 639-1 code or BCP 47 tag (`en`, `en-GB`); detected from the text when absent. */
    language: text,
    lang: text,
    /** Publication time: ISO 8601, RFC 2822, or seconds/milliseconds since the epoch. */
    publishedAt: date,
    published_at: date,
    datePublished: date,
    pubDate: date,
    date,
  })
  .superRefine((v, ctx) => {
    const body = v.text ?? v.body ?? v.content ?? v.articleBody;
    if (typeof body !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'required: the article text (text, body, content or articleBody)',
      });
    }
    const published = v.publishedAt ?? v.published_at ?? v.datePublished ?? v.pubDate ?? v.date;
    if (published != null && toIsoDate(published) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['publishedAt'],
        message: `not a date: ${JSON.stringify(published)}`,
      });
    }
    const language = v.language ?? v.lang;
    if (language != null && normaliseLanguageTag(language) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['language'],
        message: `not a language code: ${JSON.stringify(language)}`,
      });
    }
  });

/** Accepted JSON article input, as written by the sender. */
export type JsonArticleInput = z.infer<typeof JsonArticleInput>;

function joinNames(value: z.infer<typeof people>): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : v.name)).join(', ');
  return value.name;
}

/** Maps validated input to an {@link ArticleDraft}: aliases resolved, text and fields normalised. */
export function draftFromJson(v: JsonArticleInput): ArticleDraft {
  const outletRaw = [v.outlet, v.source, v.publisher, v.siteName, v.site_name].find((o) => o != null);
  const outletValue = typeof outletRaw === 'string' ? outletRaw : (outletRaw?.name ?? null);
  const source = outletValue ? parseSourceValue(outletValue) : { url: null, outlet: null };
  const link = v.url ?? v.link ?? source.url;
  return {
    title: normaliseField(v.title ?? v.headline),
    text: normaliseText(v.text ?? v.body ?? v.content ?? v.articleBody ?? ''),
    url: link ? (safeUrl(link)?.href ?? null) : null,
    outlet: source.outlet,
    byline: normaliseField(joinNames(v.byline ?? v.author ?? v.authors)),
    language: normaliseLanguageTag(v.language ?? v.lang),
    publishedAt: toIsoDate(v.publishedAt ?? v.published_at ?? v.datePublished ?? v.pubDate ?? v.date),
  };
}

/** One line per problem: `path: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
