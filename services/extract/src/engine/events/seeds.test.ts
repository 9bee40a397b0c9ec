import { readFileSync } from 'node:fs';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../entities.ts';
import { createExtractor, type ExtractedEntity, type ExtractedEvent } from '../index.ts';
import { createLexicon } from '../lexicon/index.ts';
import { createNerStage } from '../ner.ts';
import { buildDoc } from '../sentences.ts';
import { findTimes } from '../time.ts';
import { extractEvents } from './index.ts';

interface ExpectedEvent {
  what: string;
  type: string;
  modality?: string;
  arguments: { role: string; text: string }[];
  time?: string;
  source?: string;
}
interface ExpectedArticle {
  file: string;
  publishedAt: string;
  events: ExpectedEvent[];
}

const root = new URL('../../../../../', import.meta.url);
const expected = JSON.parse(
  readFileSync(new URL('./fixtures/seed-events.expected.json', import.meta.url), 'utf8'),
) as { articles: ExpectedArticle[] };

/** The seed files end with a "Source: URL" line that ingest strips; drop it the same way. */
function seedText(file: string): string {
  const raw = readFileSync(new URL(`seeds/${file}`, root), 'utf8');
  return raw.replace(/\s*(?:Original )?Source:[^\n]*\s*$/, '').trimEnd();
}

const nerTagger = loadNerModel();
const posTagger = loadPosModel();
const extractor = createExtractor({ nerTagger, posTagger, version: 'test' });

function argumentMatches(
  entities: Map<string, ExtractedEntity>,
  a: ExtractedEvent['arguments'][number],
  want: { role: string; text: string },
): boolean {
  if (a.role !== want.role) return false;
  const needle = want.text.toLowerCase();
  const entity = a.entityKey ? entities.get(a.entityKey) : undefined;
  const names = [a.text, ...(entity ? [entity.name, ...entity.aliases] : [])];
  return names.some((n) => n.toLowerCase().includes(needle));
}

describe.each(expected.articles)('events of seed $file', (article) => {
  const { entities, events } = extractor.extract({
    id: article.file,
    text: seedText(article.file),
    publishedAt: article.publishedAt,
  });
  const byKey = new Map(entities.map((e) => [e.key, e]));

  it.each(article.events)('extracts $what ($type)', (want) => {
    const candidates = events.filter(
      (e) =>
        e.type === want.type &&
        want.arguments.every((w) => e.arguments.some((a) => argumentMatches(byKey, a, w))),
    );
    expect(
      candidates.map((e) => e.trigger.text),
      want.what,
    ).not.toHaveLength(0);
    const e = candidates[0] as ExtractedEvent;
    if (want.modality) expect(e.modality).toBe(want.modality);
    if (want.time) expect(e.time?.value).toBe(want.time);
    if (want.source) expect(e.source?.text.toLowerCase()).toContain(want.source);
    expect(e.confidence).toBeGreaterThan(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
  });

  it('gives every event evidence and trigger offsets that point into the text', () => {
    const text = seedText(article.file);
    for (const e of events) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      for (const a of e.arguments) expect(text.slice(a.start, a.end)).toBe(a.text);
    }
  });
});

describe.each(expected.articles)('part-of-speech tags of seed $file', (article) => {
  it('are read only through Doc.ensurePos: the engine, which tags on demand, gives what tagging every sentence up front gives', () => {
    const text = seedText(article.file);
    const lazy = extractor.extract({ id: article.file, text, publishedAt: article.publishedAt });
    // The engine's stages (createExtractor) over a document whose every sentence is tagged before they run.
    const doc = buildDoc(text, article.publishedAt);
    const tags = posTagger.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
    doc.sentences.forEach((s, si) => {
      s.tokens.forEach((t, ti) => {
        t.pos = tags[si]?.[ti] as string;
      });
    });
    const times = findTimes(
      text,
      article.publishedAt,
      doc.sentences.map((s): [number, number] => [s.start, s.end]),
    );
    const entities = extractEntities(doc, {
      ner: createNerStage(nerTagger),
      lexicon: createLexicon(),
      articleId: article.file,
      version: 'test',
      times,
    });
    expect(lazy).toEqual({ entities, events: extractEvents(doc, entities, { times }) });
  });
});
