import { toIsoDate } from './dates.ts';
import { normaliseField } from './normalise.ts';
import { parseSourceValue } from './source-line.ts';
import { type KnownFields, parsePlainText } from './text.ts';
import type { ParseResult } from './types.ts';

const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/;

/** Reads `key: value` pairs of a YAML front matter block (flat scalars only; anything else is ignored). */
export function readFrontMatter(md: string): { fields: KnownFields; rest: string } {
  const match = FRONT_MATTER.exec(md);
  if (!match?.[1]) return { fields: {}, rest: md };
  const fields: KnownFields = {};
  for (const line of match[1].split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.+)$/.exec(line.trim());
    if (!kv?.[1] || !kv[2]) continue;
    const key = kv[1].toLowerCase();
    const value = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (key === 'title') fields.title = normaliseField(value);
    else if (key === 'url' || key === 'link' || key === 'canonical') fields.url = parseSourceValue(value).url;
    else if (key === 'source' || key === 'outlet' || key === 'publisher') {
      const src = parseSourceValue(value);
      fields.outlet = src.outlet;
      if (src.url) fields.url ??= src.url;
    } else if (key === 'author' || key === 'byline') fields.byline = normaliseField(value);
    else if (key === 'date' || key === 'published' || key === 'publishedat' || key === 'published_at') {
      fields.publishedAt = toIsoDate(value);
    } else if (key === 'lang' || key === 'language')
      fields.language = normaliseField(value)?.toLowerCase() ?? null;
  }
  return { fields, rest: md.slice(match[0].length) };
}

const LIST_ITEM = /^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?/;
const HEADING_START = /^\s{0,3}#{1,6}\s+/;

/** The text of an ATX heading line (`## Title ##`), or null when the line is not one. No backtracking regex. */
function headingText(line: string): string | null {
  const start = HEADING_START.exec(line);
  if (!start) return null;
  const text = line.slice(start[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  // Closing hashes count only when separated by a space (`# C#` keeps its hash).
  return (end === 0 ? '' : /\s/.test(text[end - 1] as string) ? text.slice(0, end) : text).trim();
}

/**
 * Removes inline markup from one line: links, images, emphasis, code, HTML tags, escapes. Every pattern stops at
 * the next opening delimiter (`[^*]`, `[^<>]`, `[^()]` ...), so a line with thousands of unclosed delimiters costs
 * linear time rather than quadratic.
 */
function stripInline(line: string): string {
  return line
    .replace(/!\[[^\][]*\]\([^()\s]*\)/g, '')
    .replace(/\[([^\][]+)\]\([^()\s]*\)/g, '$1')
    .replace(/\[([^\][]+)\]\[[^\][]*\]/g, '$1')
    .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*(?=\S)([^*]+?)(?<=\S)\*\*/g, '$1')
    .replace(/__(?=\S)([^_]+?)(?<=\S)__/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~([^~]+)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}

/**
 * Removes markdown markup, keeping the words a reader sees: headings and list items stay on their own lines,
 * the hard-wrapped lines of a paragraph or quote are joined with spaces, paragraphs are separated by a blank line.
 */
export function stripMarkdown(md: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(paragraph.join(' '), '');
    paragraph = [];
  };
  let inFence = false;
  for (const raw of md.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(raw) || /^\s*([-*_]\s*){3,}$/.test(raw) || /^\s*(=+|-+)\s*$/.test(raw)) {
      flush();
      continue;
    }
    const line = raw.replace(/^\s*(>\s?)+/, '');
    if (line.trim() === '') {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else if (HEADING_START.test(line) || LIST_ITEM.test(line)) {
      flush();
      out.push(stripInline(headingText(line) ?? line.replace(LIST_ITEM, '')));
    } else paragraph.push(stripInline(line.trim()));
  }
  flush();
  return out.join('\n');
}

/**
 * Parses a markdown article: front matter fields, a leading `# Title` (or setext) heading as the title,
 * then the same rules as plain text (trailing source line, title guess) on the stripped body.
 */
export function parseMarkdown(raw: string): ParseResult {
  const { fields, rest } = readFrontMatter(raw.replace(/\r\n?/g, '\n').replace(/^\ufeff/, ''));
  let body = rest.replace(/^\s*\n/, '');
  const newline = body.indexOf('\n');
  const firstLine = newline === -1 ? body : body.slice(0, newline);
  const atx = /^\s{0,3}#\s/.test(firstLine) ? headingText(firstLine) : null;
  const setext = /^([^\n]+)\n=+[ \t]*(\n|$)/.exec(body);
  const title = atx ?? setext?.[1];
  if (title) {
    fields.title ??= normaliseField(stripInline(title));
    body = atx !== null ? body.slice(firstLine.length) : body.slice(setext?.[0].length ?? 0);
  }
  return parsePlainText(stripMarkdown(body), fields);
}
