/**
 * @newsflow/ner: named-entity (PER, ORG, LOC, MISC) and part-of-speech tagging with averaged structured
 * perceptrons, pure TypeScript, models shipped in this package.
 */
export type { NerSpan, NerType } from './bilou.ts';
export { type ConllDoc, type ConllSentence, iobToSpans, parseConll } from './conll.ts';
export { formatScores, type SpanScore, scoreSpans } from './conlleval.ts';
export { Gazetteer } from './gazetteer.ts';
export {
  DEFAULT_NER_MODEL,
  DEFAULT_POS_MODEL,
  decodeNerModel,
  decodePosModel,
  encodeNerModel,
  encodePosModel,
  loadNerModel,
  loadPosModel,
  type TaggerOptions,
} from './model-files.ts';
export { createNerTagger, NER_TYPES, type NerModel, type NerTagger } from './ner-tagger.ts';
export { type NerTrainDoc, type NerTrainOptions, trainNer } from './ner-training.ts';
export { createPosTagger, type PosTagger, type PosTrainSentence, trainPos } from './pos-tagger.ts';
export { normalizeToken } from './text.ts';
