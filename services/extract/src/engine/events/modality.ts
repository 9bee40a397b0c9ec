/**
 * Modality of an event mention from cue words before the trigger in its clause: negated ("did not",
 * "foiled"), planned/future ("will", "plans to", "preparations for", a future date) or hedged ("reportedly",
 * "may", "suspected"); asserted otherwise.
 */
import type { SentenceView } from './sentence-view.ts';
import type { Modality } from './types.ts';

const s = (x: string): ReadonlySet<string> => new Set(x.split(' '));

const NEGATION = s("not n't never no without foiled thwarted averted prevented denied denies deny refuted");
const PLANNED = s(
  "will 'll shall would plan plans planned planning intend intends intended aim aims aiming scheduled " +
    'preparations prepare prepares preparing upcoming proposed propose proposes future threatened threatens ' +
    'threaten vowed vows pledged pledges promised promises decided ready',
);
const PLANNED_BIGRAMS: readonly (readonly [string, string])[] = [
  ['set', 'to'],
  ['expected', 'to'],
  ['going', 'to'],
  ['about', 'to'],
  ['agreed', 'to'],
  ['due', 'to'],
];
const HEDGED = s(
  'may might could possibly possible reportedly allegedly alleged suspected apparently likely unconfirmed ' +
    'purported purportedly believed thought feared rumored rumoured if whether unclear potential probable ' +
    'presumably perhaps claimed',
);
const BOUNDARY = s('. ; : ? !');
const WINDOW = 6;

/** Modality of the trigger at token i; `futureTime` is true when its time lies after publication. */
export function modalityOf(v: SentenceView, i: number, futureTime: boolean): Modality {
  let negated = false;
  let planned = futureTime;
  let hedged = false;
  for (let k = i - 1; k >= Math.max(0, i - WINDOW); k--) {
    const w = v.lw[k] ?? '';
    if (BOUNDARY.has(w)) break;
    if (NEGATION.has(w) && (i - k <= 3 || w.length > 3)) negated = true;
    if (PLANNED.has(w)) planned = true;
    if (HEDGED.has(w)) hedged = true;
    const next = v.lw[k + 1] ?? '';
    if (PLANNED_BIGRAMS.some(([a, b]) => a === w && b === next && !(a === 'due' && i - k > 2)))
      planned = true;
    if (w === 'failed' && next === 'to') negated = true;
  }
  if (v.lw[i + 1] === 'attempt' || v.lw[i + 1] === 'plot') hedged = true;
  if (negated) return 'negated';
  if (planned) return 'planned';
  return hedged ? 'hedged' : 'asserted';
}
