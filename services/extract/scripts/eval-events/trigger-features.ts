/**
 * Features of a candidate event (an extracted mention) for the learned trigger filter experiment: computed from
 * the engine's output and the document only (lemma, type, POS, determiner, mention index, position, arguments,
 * modality, speaker kind).
 */
import { lemmatize } from '../../src/engine/events/lemma.ts';
import { isTriggerLemma } from '../../src/engine/events/lexicon.ts';
import type { ExtractedEvent } from '../../src/engine/events/types.ts';
import type { Doc, Token } from '../../src/engine/types.ts';

const DET_DEF = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', "'s"]);
const DET_INDEF = new Set(['a', 'an', 'another', 'some', 'any', 'several', 'many', 'no']);

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `<=${e}`;
  return `>${edges.at(-1)}`;
}

function tokenAt(doc: Doc, si: number, offset: number): number {
  const toks = doc.sentences[si]?.tokens ?? [];
  return toks.findIndex((t) => t.start <= offset && offset < t.end);
}

/** One feature list per event, in order; `events` are the document's unmerged mentions in text order. */
export function triggerFeatures(doc: Doc, events: readonly ExtractedEvent[]): string[][] {
  const typeCount = new Map<string, number>();
  const lemmaCount = new Map<string, number>();
  const nSent = doc.sentences.length;
  const perSent = new Map<number, number>();
  for (const e of events) perSent.set(e.evidence.sentence, (perSent.get(e.evidence.sentence) ?? 0) + 1);
  return events.map((e, k) => {
    const si = e.evidence.sentence;
    const toks: readonly Token[] = doc.sentences[si]?.tokens ?? [];
    const i = tokenAt(doc, si, e.trigger.start);
    const word = e.trigger.text.split(/\s+/)[0]?.toLowerCase() ?? '';
    const lemma = lemmatize(word, isTriggerLemma)?.lemma ?? word;
    const tag = toks[i]?.pos ?? '?';
    const nominal = tag.startsWith('N');
    const prev = (toks[i - 1]?.text ?? '<s>').toLowerCase();
    const next = (toks[i + 1]?.text ?? '</s>').toLowerCase();
    const det = DET_DEF.has(prev) ? 'def' : DET_INDEF.has(prev) ? 'indef' : /^\d/.test(prev) ? 'num' : 'none';
    const tIdx = typeCount.get(e.type) ?? 0;
    const lIdx = lemmaCount.get(lemma) ?? 0;
    typeCount.set(e.type, tIdx + 1);
    lemmaCount.set(lemma, lIdx + 1);
    const args = e.arguments.filter((a) => a.role !== 'time');
    const entArgs = args.filter((a) => a.entityKey);
    const speaker = e.arguments.find((a) => a.role === 'speaker');
    const speakerKind = !speaker
      ? 'none'
      : speaker.entityKey
        ? 'entity'
        : /^\p{Lu}/u.test(speaker.text.split(/\s+/).at(-1) ?? '')
          ? 'cap'
          : 'common';
    let dist = 99;
    for (const a of entArgs) {
      const d = tokenAt(doc, si, a.start);
      if (d >= 0) dist = Math.min(dist, Math.abs(d - i));
    }
    const mention = bucket(tIdx, [0, 1, 3]);
    const f = [
      'bias',
      `type=${e.type}`,
      `lemma=${lemma}`,
      `lemma.type=${lemma}|${e.type}`,
      `pos=${tag}`,
      `pos.type=${tag}|${e.type}`,
      `prev=${prev}`,
      `next=${next}`,
      `prevtag=${toks[i - 1]?.pos ?? '<s>'}`,
      `nexttag=${toks[i + 1]?.pos ?? '</s>'}`,
      `det=${det}|${nominal}`,
      `det.type=${det}|${nominal}|${e.type}`,
      `mention=${mention}`,
      `mention.type=${mention}|${e.type}`,
      `mention.det=${mention}|${det}|${nominal}`,
      `lemmaRepeat=${bucket(lIdx, [0, 1, 3])}`,
      `lemmaRepeat.det=${bucket(lIdx, [0, 1])}|${det}`,
      `sent=${bucket(si, [0, 2, 5, 10, 20])}`,
      `sentRel=${bucket(Math.floor((10 * si) / Math.max(1, nSent)), [2, 5, 8])}`,
      `nargs=${bucket(args.length, [0, 1, 2, 3])}`,
      `nargs.type=${bucket(args.length, [0, 1, 2])}|${e.type}`,
      `entArgs=${bucket(entArgs.length, [0, 1, 2])}`,
      `entDist=${bucket(dist, [1, 3, 6, 12])}`,
      `modality=${e.modality}`,
      `modality.type=${e.modality}|${e.type}`,
      `source=${e.source ? (e.source.entityKey ? 'entity' : 'text') : 'none'}`,
      `speaker=${speakerKind}`,
      `speaker.lemma=${speakerKind}|${lemma}`,
      `conf=${bucket(e.confidence, [0.5, 0.6, 0.7, 0.8])}`,
      `sentLen=${bucket(toks.length, [10, 20, 35, 60])}`,
      `title=${/^\p{Lu}/u.test(e.trigger.text)}`,
      `sentCands=${bucket(perSent.get(si) ?? 0, [1, 2, 3, 5])}`,
      `sameSentType=${events.some((x, j) => j < k && x.evidence.sentence === si && x.type === e.type)}`,
      `quoted=${/[“"]/.test(doc.text.slice(Math.max(e.evidence.start, e.trigger.start - 80), e.trigger.start))}`,
    ];
    for (const a of args) f.push(`role=${a.role}`, `role.ent=${a.role}|${!!a.entityKey}`);
    return f;
  });
}
