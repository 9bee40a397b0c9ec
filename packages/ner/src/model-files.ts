import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bilouConstraints, bilouTags, freeConstraints } from './bilou.ts';
import type { LinearModel } from './linear-model.ts';
import { decodeBundle, encodeBundle } from './model-io.ts';
import { createNerTagger, NER_TYPES, type NerModel, type NerTagger } from './ner-tagger.ts';
import { createPosTagger, type PosTagger } from './pos-tagger.ts';

/** Path of the entity model shipped in this package. */
export const DEFAULT_NER_MODEL = fileURLToPath(new URL('../model/ner.bin.gz', import.meta.url));
/** Path of the part-of-speech model shipped in this package. */
export const DEFAULT_POS_MODEL = fileURLToPath(new URL('../model/pos.bin.gz', import.meta.url));

function constraintsFor(kind: string, tags: string[]): { allowed: Uint8Array; final: Uint8Array } {
  if (kind === 'ner') {
    if (tags.join() !== bilouTags(NER_TYPES).join())
      throw new Error(`unexpected NER tag set: ${tags.join(' ')}`);
    return bilouConstraints(tags.length);
  }
  return freeConstraints(tags.length);
}

/** Serialises a trained entity model; `meta` (training figures, sources) is stored in the header. */
export function encodeNerModel(model: NerModel, meta: Record<string, unknown> = {}): Uint8Array {
  const models: Record<string, LinearModel> = { stage1: model.stage1 };
  if (model.stage2) models.stage2 = model.stage2;
  return encodeBundle({
    kind: 'ner',
    meta: { ...meta, domainAdapted: model.domainAdapted },
    models,
    gazetteer: model.gazetteer,
  });
}

/** Parses an entity model file. */
export function decodeNerModel(bytes: Uint8Array): NerModel {
  const b = decodeBundle(bytes, constraintsFor);
  if (b.kind !== 'ner' || !b.models.stage1) throw new Error(`not an entity model (kind ${b.kind})`);
  return {
    stage1: b.models.stage1,
    stage2: b.models.stage2 ?? null,
    gazetteer: b.gazetteer ?? null,
    domainAdapted: b.meta.domainAdapted === true,
  };
}

/** Serialises a trained POS model. */
export function encodePosModel(model: LinearModel, meta: Record<string, unknown> = {}): Uint8Array {
  return encodeBundle({ kind: 'pos', meta, models: { pos: model } });
}

/** Parses a POS model file. */
export function decodePosModel(bytes: Uint8Array): LinearModel {
  const b = decodeBundle(bytes, constraintsFor);
  if (b.kind !== 'pos' || !b.models.pos) throw new Error(`not a POS model (kind ${b.kind})`);
  return b.models.pos;
}

/** Options of the loaded taggers. */
export interface TaggerOptions {
  /**
   * Distinct words whose partial scores the tagger caches (default 32,768; the cache is emptied when full).
   * Memory grows with use up to about 0.85 kB (NER) or 0.9 kB (POS) per word.
   */
  cacheWords?: number;
}

/** Loads an entity tagger from a model file (default: the model shipped in this package). Synchronous. */
export function loadNerModel(path: string = DEFAULT_NER_MODEL, opts: TaggerOptions = {}): NerTagger {
  return createNerTagger(decodeNerModel(readFileSync(path)), opts);
}

/** Loads a Penn Treebank POS tagger from a model file (default: the model shipped in this package). */
export function loadPosModel(path: string = DEFAULT_POS_MODEL, opts: TaggerOptions = {}): PosTagger {
  return createPosTagger(decodePosModel(readFileSync(path)), opts);
}
