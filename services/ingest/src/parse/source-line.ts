import { normaliseField } from './normalise.ts';

/** Where an article says it came from: a URL, an outlet, or both. */
export interface SourceInfo {
  url: string | null;
  outlet: string | null;
}

const SOURCE_LINE = /^(?:original\s+)?source\s*:\s*(\S.*)$/i;

/** The outlet for a URL or bare host: the host name as written, lower-cased (`www.timesofisrael.com`). */
export function outletFromHost(host: string): string {
  return host.toLowerCase();
}

/** Parses the value of a `Source:` line: a URL, a bare host such as `www.military.com`, or an outlet name. */
export function parseSourceValue(value: string): SourceInfo {
  const v = value.trim();
  if (/^https?:\/\//i.test(v)) {
    const url = safeUrl(v);
    if (url) return { url: url.href, outlet: outletFromHost(url.hostname) };
  }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/i.test(v))
    return { url: null, outlet: outletFromHost(v.replace(/\/$/, '')) };
  return { url: null, outlet: normaliseField(v) };
}

/**
 * Finds a trailing `Source: URL` / `Original Source: host` line (after any blank lines) and returns the text
 * without it plus what it names. Text without such a line comes back unchanged with nulls.
 */
export function splitTrailingSource(text: string): SourceInfo & { body: string } {
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && (lines[last] ?? '').trim() === '') last--;
  const match = SOURCE_LINE.exec((lines[last] ?? '').trim());
  if (!match?.[1] || match[1].length > 300) return { body: text, url: null, outlet: null };
  return { body: lines.slice(0, last).join('\n'), ...parseSourceValue(match[1]) };
}

/** Parses an absolute http(s) URL, or null. */
export function safeUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
