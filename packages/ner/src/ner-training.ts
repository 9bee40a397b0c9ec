import { bilouConstraints, bilouTags, type NerSpan, spansToBilou } from './bilou.ts';
import { type DocInfo, docInfo } from './doc-info.ts';
import type { Gazetteer } from './gazetteer.ts';
import { type FeatureSeq, KeyBuffer } from './key-buffer.ts';
import type { LinearModel } from './linear-model.ts';
import { nerFeatures } from './ner-features.ts';
import { docLabels, firstPass, NER_TYPES, type NerModel } from './ner-tagger.ts';
import { PerceptronTrainer, type TrainSentence } from './perceptron.ts';

/** A training document: tokens and gold spans per sentence. */
export interface NerTrainDoc {
  tokens: string[][];
  spans: NerSpan[][];
  /** Corpus id for domain adaptation (0 = CoNLL-like, the default; see DocInfo.domain). */
  domain?: number;
}

/** Options of `trainNer`. */
export interface NerTrainOptions {
  epochs: number;
  seed: number;
  /** Jackknife folds for the second pass's training labels; 0 trains a one-pass model. */
  folds: number;
  gazetteer?: Gazetteer;
  log?: (msg: string) => void;
}

interface Prepared {
  info: DocInfo;
  gold: Uint8Array[];
  feats: FeatureSeq[];
}

function trainStage(
  docs: readonly Prepared[],
  feats: (d: Prepared, di: number) => FeatureSeq[],
  opts: NerTrainOptions,
  label: string,
): LinearModel {
  const tags = bilouTags(NER_TYPES);
  const trainer = new PerceptronTrainer(tags, bilouConstraints(tags.length));
  const data: TrainSentence[] = [];
  docs.forEach((d, di) => {
    const f = feats(d, di);
    d.gold.forEach((g, si) => {
      data.push(trainer.prepare(f[si] as FeatureSeq, g));
    });
  });
  const start = performance.now();
  return trainer.train(data, {
    epochs: opts.epochs,
    seed: opts.seed,
    onEpoch: (e, errors, tokens) =>
      opts.log?.(
        `${label} epoch ${e}/${opts.epochs}: ${((100 * errors) / tokens).toFixed(2)}% token errors (${((performance.now() - start) / 1000).toFixed(1)} s)`,
      ),
  });
}

/**
 * Trains a two-pass entity model. The second pass learns from first-pass labels that were produced by
 * jackknifing (each fold tagged by a first pass trained on the other folds), so at training time it sees
 * labels as noisy as the ones it will see on new text.
 */
export function trainNer(docs: readonly NerTrainDoc[], opts: NerTrainOptions): NerModel {
  const buf = new KeyBuffer();
  const domainAdapted = docs.some((d) => (d.domain ?? 0) > 0);
  const prepared: Prepared[] = docs.map((d) => {
    const info = docInfo(d.tokens, opts.gazetteer, domainAdapted ? (d.domain ?? 0) : -1);
    const feats = info.sents.map((_, si) => {
      buf.reset();
      nerFeatures(info, si, buf);
      return buf.snapshot();
    });
    const gold = d.tokens.map((t, si) => spansToBilou(d.spans[si] ?? [], t.length, NER_TYPES));
    return { info, gold, feats };
  });
  const stage1 = trainStage(prepared, (d) => d.feats, opts, 'pass 1');
  if (opts.folds < 2) return { stage1, stage2: null, gazetteer: opts.gazetteer ?? null, domainAdapted };

  const crossTags: Uint8Array[][] = new Array(prepared.length);
  for (let f = 0; f < opts.folds; f++) {
    const inFold = (i: number) => i % opts.folds === f;
    const rest = prepared.filter((_, i) => !inFold(i));
    const m = trainStage(rest, (d) => d.feats, { ...opts, log: undefined }, `fold ${f + 1}`);
    prepared.forEach((d, i) => {
      if (inFold(i)) crossTags[i] = firstPass(m, d.info);
    });
    opts.log?.(`jackknife fold ${f + 1}/${opts.folds} done`);
  }
  const stage2 = trainStage(
    prepared,
    (d, di) => {
      const labels = docLabels(d.info, crossTags[di] as Uint8Array[]);
      return d.info.sents.map((_, si) => {
        buf.reset();
        nerFeatures(d.info, si, buf, labels);
        return buf.snapshot();
      });
    },
    opts,
    'pass 2',
  );
  return { stage1, stage2, gazetteer: opts.gazetteer ?? null, domainAdapted };
}
