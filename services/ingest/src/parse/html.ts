import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { reject } from '../errors.ts';
import { type HtmlMeta, type MetaDocument, readHtmlMeta } from './html-meta.ts';
import { depthExceeds, htmlToText, SKIPPED_TAGS, type TextNodeLike } from './html-text.ts';
import { normaliseField, normaliseText } from './normalise.ts';
import { splitTrailingSource } from './source-line.ts';
import { type ParseResult, parsed, refused } from './types.ts';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * Parses an HTML page into one article. The page is parsed by linkedom, which builds a DOM without running
 * scripts or fetching anything; scripts and embeds are removed before Mozilla Readability picks the main
 * content, which is then rendered as plain paragraphs. Metadata comes from the head (see html-meta.ts), with
 * Readability's guesses as a fallback. Pages where Readability finds no article fall back to the body text.
 */
export function parseHtml(html: string): ParseResult {
  // linkedom builds no <html>/<body> around a fragment, and Readability needs them.
  const whole = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  const { document } = parseHTML(
    whole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`,
  );
  if (!document.body) return refused(reject('empty', 'the page has no body'));
  const meta: HtmlMeta = readHtmlMeta(document as unknown as MetaDocument);
  for (const tag of SKIPPED_TAGS) {
    if (tag === 'HEAD') continue;
    for (const el of Array.from(document.querySelectorAll(tag.toLowerCase())) as { remove(): void }[])
      el.remove();
  }
  const fallbackTitle = normaliseField(document.querySelector('title')?.textContent);
  const article = readMainContent(document);
  let text = '';
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = htmlToText(content.body as unknown as TextNodeLike);
  }
  if (normaliseText(text) === '') text = htmlToText(document.body as unknown as TextNodeLike);
  const source = splitTrailingSource(normaliseText(text));
  const title = meta.title ?? normaliseField(article?.title) ?? fallbackTitle;
  const byline = meta.byline ?? normaliseField(article?.byline);
  const body = dropLeadingByline(dropLeadingTitle(normaliseText(source.body), title), byline);
  if (body === '') return refused(reject('empty', 'the page has no readable text'));
  return parsed([
    {
      title,
      text: body,
      url: meta.url ?? source.url,
      outlet: meta.outlet ?? normaliseField(article?.siteName) ?? source.outlet,
      byline,
      language: meta.language,
      publishedAt: meta.publishedAt,
    },
  ]);
}

/** Deeper than any real page; Readability on linkedom slows down super-linearly with depth. */
const MAX_READABILITY_DEPTH = 120;

/**
 * Readability's main content, or null when it finds none, fails, or the page is too deeply nested for it (the
 * caller then renders the whole body). Readability rewrites the document it gets, so it works on a copy.
 */
function readMainContent(document: ReturnType<typeof parseHTML>['document']) {
  if (depthExceeds(document.documentElement as unknown as TextNodeLike, MAX_READABILITY_DEPTH)) return null;
  try {
    const copy = document.cloneNode(true) as unknown as ReadabilityDocument;
    return new Readability(copy, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
}

/** Pages repeat the headline as the first block of the content; the title field already holds it. */
function dropLeadingTitle(body: string, title: string | null): string {
  if (!title) return body;
  const newline = body.indexOf('\n');
  const first = newline === -1 ? body : body.slice(0, newline);
  return first.trim().toLowerCase() === title.toLowerCase() ? normaliseText(body.slice(first.length)) : body;
}

/** A first paragraph that is only the byline ("By Maria Jensen") is page furniture once byline is a field. */
function dropLeadingByline(body: string, byline: string | null): string {
  if (!byline) return body;
  const newline = body.indexOf('\n');
  const first = (newline === -1 ? body : body.slice(0, newline)).trim();
  const isByline =
    first.length < 120 && /^by\s/i.test(first) && first.toLowerCase().includes(byline.toLowerCase());
  return isByline ? normaliseText(body.slice(first.length)) : body;
}
