import type { NerSpan, NerTagger, NerType } from '../src/engine/ner.ts';
import { tokenize } from '../src/engine/tokenize.ts';

/**
 * A stand-in for the trained tagger in unit tests: it tags exactly the phrases a test lists, so tests of
 * aliases, titles and coreference state their input spans and do not move when the model is retrained.
 */
export function fixedTagger(phrases: Record<string, NerType>): NerTagger {
  const entries = Object.entries(phrases).map(([p, type]) => ({
    toks: tokenize(p).map((t) => t.text),
    type,
  }));
  entries.sort((a, b) => b.toks.length - a.toks.length);
  return {
    tagDocument(sentences) {
      return sentences.map((words) => {
        const spans: NerSpan[] = [];
        for (let i = 0; i < words.length; ) {
          const hit = entries.find((e) => e.toks.every((t, k) => words[i + k] === t));
          if (hit) {
            spans.push({ type: hit.type, start: i, end: i + hit.toks.length });
            i += hit.toks.length;
          } else i += 1;
        }
        return spans;
      });
    },
  };
}
