import { toIsoDate } from './dates.ts';
import { normaliseLanguageTag } from './language.ts';
import { normaliseField } from './normalise.ts';
import { outletFromHost, safeUrl } from './source-line.ts';

/** Minimal DOM surface used to read metadata (linkedom documents provide it). */
export interface MetaDocument {
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }>;
  documentElement: { getAttribute(name: string): string | null } | null;
}

/** Article metadata found in a page's head: OpenGraph, article:*, standard meta names, canonical link, JSON-LD. */
export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
}

function meta(doc: MetaDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content');
      if (value?.trim()) return value.trim();
    }
  }
  return null;
}

type JsonLd = Record<string, unknown>;
const ARTICLE_TYPES =
  /^(News|Reportage|Analysis|Opinion|Report|Scholarly|Tech)?Article$|^BlogPosting$|^NewsArticle$/;

/** The first schema.org Article-like object in the page's JSON-LD blocks (parsed as data, never run). */
export function findJsonLdArticle(doc: MetaDocument): JsonLd | null {
  const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < blocks.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(blocks[i]?.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as JsonLd;
        const types = ([] as unknown[]).concat(obj['@type']);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return obj;
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object' && typeof (value as JsonLd).name === 'string') {
    return (value as JsonLd).name as string;
  }
  return null;
}

/** Reads {@link HtmlMeta} from a parsed page. Call before Readability, which rewrites the document. */
export function readHtmlMeta(doc: MetaDocument): HtmlMeta {
  const ld = findJsonLdArticle(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url =
    safeUrl(canonical ?? '') ?? safeUrl(meta(doc, 'og:url') ?? '') ?? safeUrl(String(ld?.url ?? ''));
  const author = meta(doc, 'author', 'article:author', 'parsely-author', 'dc.creator', 'DC.creator');
  const timeEl = doc
    .querySelector('article time[datetime], time[pubdate][datetime]')
    ?.getAttribute('datetime');
  return {
    title: normaliseField(meta(doc, 'og:title', 'twitter:title') ?? nameOf(ld?.headline)),
    byline: normaliseField(author && !/^https?:\/\//.test(author) ? author : nameOf(ld?.author)),
    publishedAt: toIsoDate(
      meta(
        doc,
        'article:published_time',
        'datePublished',
        'date',
        'pubdate',
        'publish-date',
        'parsely-pub-date',
      ) ??
        meta(doc, 'dc.date', 'DC.date', 'dcterms.created') ??
        (typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
        timeEl ??
        null,
    ),
    outlet: normaliseField(
      meta(doc, 'og:site_name', 'application-name') ??
        nameOf(ld?.publisher) ??
        (url ? outletFromHost(url.hostname) : null),
    ),
    url: url?.href ?? null,
    language: normaliseLanguageTag(
      doc.documentElement?.getAttribute('lang') ?? meta(doc, 'og:locale') ?? meta(doc, 'language'),
    ),
  };
}
