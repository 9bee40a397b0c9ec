import type { NerSpan, NerType } from './bilou.ts';
import { bilouToSpans } from './bilou.ts';
import { type DocInfo, docInfo } from './doc-info.ts';
import { type FastNerOptions, FastNerTagger } from './fast-ner.ts';
import type { Gazetteer } from './gazetteer.ts';
import { KeyBuffer } from './key-buffer.ts';
import type { LinearModel } from './linear-model.ts';
import { type DocLabels, nerFeatures, tagVoteCounts, voteCounts } from './ner-features.ts';
import { QuantModel } from './quant-model.ts';

/** The entity types the tagger emits, in tag-set order. */
export const NER_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Tags the sentences of one document with entity spans. */
export interface NerTagger {
  /** One array of spans per input sentence; spans use token indices, `end` exclusive. */
  tagDocument(sentences: readonly (readonly string[])[]): NerSpan[][];
}

/** The parts of a trained two-pass entity model. */
export interface NerModel {
  stage1: LinearModel;
  /** Second pass with document-consistency features; absent in a one-pass model. */
  stage2: LinearModel | null;
  gazetteer: Gazetteer | null;
  /** Trained with extra corpora and domain-specific feature copies (text is then tagged as domain 0). */
  domainAdapted: boolean;
}

/** Runs the first pass over a document and returns its BILOU tags per sentence. */
export function firstPass(model: LinearModel, doc: DocInfo): Uint8Array[] {
  const buf = new KeyBuffer();
  return doc.sents.map((_, si) => {
    buf.reset();
    nerFeatures(doc, si, buf);
    return model.decode(buf);
  });
}

/** Document labels that the second pass reads, from first-pass tags. */
export function docLabels(doc: DocInfo, tags: Uint8Array[]): DocLabels {
  return {
    tags,
    votes: voteCounts(doc, tags, NER_TYPES.length),
    tagVotes: tagVoteCounts(doc, tags, 1 + 4 * NER_TYPES.length),
  };
}

/**
 * A tagger over a trained model: first pass, then (if present) the document-consistency pass. Uses the fast
 * path (fast-ner.ts) over the int16 weights of the model file; a freshly trained model is quantised the same
 * way as when it is saved, so it tags exactly as after a save/load round trip. Domain-adapted models use the
 * reference path.
 */
export function createNerTagger(model: NerModel, opts: FastNerOptions = {}): NerTagger {
  if (model.domainAdapted) return createReferenceNerTagger(model);
  const fast = new FastNerTagger(
    new QuantModel(model.stage1),
    model.stage2 ? new QuantModel(model.stage2) : null,
    model.gazetteer,
    NER_TYPES,
    opts,
  );
  return { tagDocument: (sentences) => fast.tagDocument(sentences) };
}

/**
 * The reference tagger: builds every feature key with `nerFeatures` and scores it with the float weights
 * (`LinearModel.decode`), as training does. Slower; kept to check the fast path against it.
 */
export function createReferenceNerTagger(model: NerModel): NerTagger {
  return {
    tagDocument(sentences) {
      const doc = docInfo(sentences, model.gazetteer ?? undefined, model.domainAdapted ? 0 : -1);
      let tags = firstPass(model.stage1, doc);
      const stage2 = model.stage2;
      if (stage2) {
        const labels = docLabels(doc, tags);
        const buf = new KeyBuffer();
        tags = doc.sents.map((_, si) => {
          buf.reset();
          nerFeatures(doc, si, buf, labels);
          return stage2.decode(buf);
        });
      }
      return tags.map((t) => bilouToSpans(t, NER_TYPES));
    },
  };
}
