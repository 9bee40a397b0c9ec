/** Test-only helpers: reads the fixture corpus written for these tests. */
import { readFileSync } from 'node:fs';
import type { NerSpan } from './bilou.ts';
import { iobToSpans, parseConll } from './conll.ts';
import type { NerTrainDoc } from './ner-training.ts';

/** Path of a file in packages/ner/test-fixtures. */
export function fixturePath(name: string): string {
  return new URL(`../test-fixtures/${name}`, import.meta.url).pathname;
}

/** The tiny made-up NER corpus as training documents. */
export function tinyDocs(): NerTrainDoc[] {
  return parseConll(readFileSync(fixturePath('tiny-ner.conll'), 'utf8')).map((d) => ({
    tokens: d.map((s) => s.tokens),
    spans: d.map((s) => iobToSpans(s.ner) as NerSpan[]),
  }));
}

/** The tiny corpus as POS-tagged sentences. */
export function tinyPos(): { tokens: string[]; tags: string[] }[] {
  return parseConll(readFileSync(fixturePath('tiny-ner.conll'), 'utf8')).flatMap((d) =>
    d.map((s) => ({ tokens: s.tokens, tags: s.pos })),
  );
}
