/**
 * Test helpers: run the event extractor over a hand-written text, optionally with hand-written entity
 * clusters given as surface strings (every occurrence of each string becomes a mention).
 */
import { expect } from 'vitest';
import { buildDoc } from '../sentences.ts';
import { extractEvents } from './extract.ts';
import type { EventEntityInput, ExtractedEvent } from './types.ts';

export function entitiesFor(text: string, clusters: Record<string, string[]>): EventEntityInput[] {
  const doc = buildDoc(text);
  const sentenceOf = (offset: number): number =>
    doc.sentences.findIndex((s) => s.start <= offset && offset < s.end);
  return Object.entries(clusters).map(([key, surfaces]) => ({
    key,
    kind: key.startsWith('location:')
      ? 'location'
      : key.startsWith('organization:')
        ? 'organization'
        : key.startsWith('date:')
          ? 'date'
          : 'person',
    mentions: surfaces.flatMap((s) => {
      const out = [];
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
        out.push({ start: at, end: at + s.length, sentence: sentenceOf(at) });
      }
      return out;
    }),
  }));
}

/** Events of `text` (merging off unless asked), with optional entity clusters and publication date. */
export function eventsOf(
  text: string,
  opts: { clusters?: Record<string, string[]>; publishedAt?: string; merge?: boolean } = {},
): ExtractedEvent[] {
  const doc = buildDoc(text, opts.publishedAt);
  return extractEvents(doc, entitiesFor(text, opts.clusters ?? {}), { merge: opts.merge ?? false });
}

/** The text of each argument with the given role. */
export function role(e: ExtractedEvent | undefined, r: string): string[] {
  return (e?.arguments ?? []).filter((a) => a.role === r).map((a) => a.text);
}

/** "type:trigger" of every event of `text`. */
export const types = (text: string): string[] => eventsOf(text).map((e) => `${e.type}:${e.trigger.text}`);
const typed = (prefix: string, text: string): string[] => types(text).filter((t) => t.startsWith(prefix));
/** Every text has an event whose type starts with `prefix`. */
export function expectSome(prefix: string, texts: readonly string[]): void {
  for (const text of texts) expect(typed(prefix, text), text).not.toEqual([]);
}
/** No text has an event whose type starts with `prefix`. */
export function expectNone(prefix: string, texts: readonly string[]): void {
  for (const text of texts) expect(typed(prefix, text), text).toEqual([]);
}
