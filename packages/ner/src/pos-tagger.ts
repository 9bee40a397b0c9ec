import { freeConstraints } from './bilou.ts';
import { docInfo } from './doc-info.ts';
import { FastPosTagger } from './fast-pos.ts';
import { KeyBuffer } from './key-buffer.ts';
import type { LinearModel } from './linear-model.ts';
import { PerceptronTrainer, type TrainSentence } from './perceptron.ts';
import { posFeatures } from './pos-features.ts';
import { QuantModel } from './quant-model.ts';

/**
 * Tags the sentences of one document with Penn Treebank part-of-speech tags. No feature reads outside its own
 * sentence, so tagging the sentences one call at a time gives the same tags as one call for the document.
 */
export interface PosTagger {
  /** One tag per token, per input sentence. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
}

/**
 * A POS tagger over a trained model, on the fast path (fast-pos.ts) over the model's int16 weights (a freshly
 * trained model is quantised as when it is saved).
 */
export function createPosTagger(
  model: LinearModel,
  opts: ConstructorParameters<typeof FastPosTagger>[2] = {},
): PosTagger {
  const fast = new FastPosTagger(new QuantModel(model), model.tags, opts);
  return { tagDocument: (sentences) => fast.tagDocument(sentences) };
}

/** The reference POS tagger (feature keys + float weights, as in training); kept to check the fast path. */
export function createReferencePosTagger(model: LinearModel): PosTagger {
  return {
    tagDocument(sentences) {
      const doc = docInfo(sentences);
      const buf = new KeyBuffer();
      return doc.sents.map((_, si) => {
        buf.reset();
        posFeatures(doc, si, buf);
        return Array.from(model.decode(buf), (t) => model.tags[t] as string);
      });
    },
  };
}

/** A training sentence for the POS tagger. */
export interface PosTrainSentence {
  tokens: string[];
  tags: string[];
}

/** Trains a POS model (tag set taken from the data, in first-seen order). */
export function trainPos(
  sentences: readonly PosTrainSentence[],
  opts: { epochs: number; seed: number; log?: (msg: string) => void },
): LinearModel {
  const tags: string[] = [];
  const index = new Map<string, number>();
  for (const s of sentences) {
    for (const t of s.tags) {
      if (!index.has(t)) {
        index.set(t, tags.length);
        tags.push(t);
      }
    }
  }
  if (tags.length > 255) throw new Error(`too many POS tags (${tags.length})`);
  const trainer = new PerceptronTrainer(tags, freeConstraints(tags.length));
  const buf = new KeyBuffer();
  const data: TrainSentence[] = sentences.map((s) => {
    const doc = docInfo([s.tokens]);
    buf.reset();
    posFeatures(doc, 0, buf);
    return trainer.prepare(
      buf,
      Uint8Array.from(s.tags, (t) => index.get(t) as number),
    );
  });
  const start = performance.now();
  return trainer.train(data, {
    epochs: opts.epochs,
    seed: opts.seed,
    onEpoch: (e, errors, tokens) =>
      opts.log?.(
        `pos epoch ${e}/${opts.epochs}: ${((100 * errors) / tokens).toFixed(2)}% token errors (${((performance.now() - start) / 1000).toFixed(1)} s)`,
      ),
  });
}
