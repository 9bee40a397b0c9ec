/**
 * Attributed source of an event: the speaker of a reporting verb in the same sentence ("a security official
 * disclosed that ...", "“...,” al-Sudani stated", "..., said the ministry") or of "according to X".
 */

import { type Phrase, phraseAt } from './np.ts';
import type { SentenceView } from './sentence-view.ts';
import { speakerOf } from './subject.ts';
import type { TriggerHit } from './triggers.ts';

/** Verbs whose speaker can be attributed, and whether they hedge what they report. */
const HEDGING_VERBS = new Set(['claim', 'allege', 'assert', 'insist']);

export interface Attribution {
  phrase: Phrase;
  /** The reporting verb hedges ("claimed", "alleged"). */
  hedging: boolean;
  /** The reporting verb's own trigger, when the source came from one (not from "according to"). */
  reporter?: TriggerHit;
}

/**
 * Source of the event at `hit`, given the statement triggers of the same sentence. The nearest reporting
 * verb wins; a statement event is not its own source.
 */
export function attributionOf(
  v: SentenceView,
  hit: TriggerHit,
  reporters: readonly TriggerHit[],
): Attribution | undefined {
  for (let k = 0; k + 1 < v.lw.length; k++) {
    if (v.lw[k] === 'according' && v.lw[k + 1] === 'to') {
      const p = phraseAt(v, k + 2);
      if (p && p.head !== hit.i) return { phrase: p, hedging: false };
    }
  }
  let best: TriggerHit | undefined;
  for (const r of reporters) {
    if (r.si !== hit.si || r.i === hit.i || r.nominal) continue;
    if (!best || Math.abs(r.i - hit.i) < Math.abs(best.i - hit.i)) best = r;
  }
  if (!best) return undefined;
  const phrase = speakerOf(v, best.i);
  if (!phrase || (phrase.a <= hit.i && hit.i < phrase.b)) return undefined;
  return { phrase, hedging: HEDGING_VERBS.has(best.lemma), reporter: best };
}
