/**
 * Error listing for the event evaluation (`--errors`): every false-positive and missed trigger of a scope, with
 * its sentence, for error analysis on the development data.
 */

import { matchesKairos } from '../../src/engine/events/taxonomy.ts';
import type { ExtractedEvent } from '../../src/engine/events/types.ts';
import type { Scope } from './score.ts';
import { type EvalDoc, tokenSpan } from './wikievents.ts';

/** Lines "TP|FP|FN <type> <trigger> :: <sentence with the trigger in brackets>" for one document. */
export function triggerErrors(doc: EvalDoc, events: readonly ExtractedEvent[], scope: Scope): string[] {
  const golds = doc.events.filter(scope.gold);
  const out: string[] = [];
  const matched = new Set<(typeof golds)[number]>();
  const sentenceOf = (s: number, t: number): string => {
    let a = s;
    while (a > 0 && !/\n\n/.test(doc.text.slice(doc.spans[a - 1]?.[1] ?? 0, doc.spans[a]?.[0] ?? 0))) a--;
    let b = t;
    while (
      b < doc.tokens.length &&
      !/\n\n/.test(doc.text.slice(doc.spans[b - 1]?.[1] ?? 0, doc.spans[b]?.[0] ?? 0))
    )
      b++;
    return doc.tokens
      .slice(a, b)
      .map((w, k) => (a + k === s ? `[[${w}` : a + k === t - 1 ? `${w}]]` : w))
      .join(' ')
      .replace(/\[\[(\S+)(?= )/, (m) => (s === t - 1 ? `${m}]]` : m));
  };
  for (const e of events) {
    if (!scope.pred(e)) continue;
    const [s, t] = tokenSpan(doc, e.trigger.start, e.trigger.end);
    const g = golds.find(
      (x) => !matched.has(x) && x.start === s && x.end === t && matchesKairos(e.type, x.type),
    );
    if (g) {
      matched.add(g);
      out.push(`TP ${e.type} ${e.trigger.text} ${e.modality} :: ${doc.id} :: ${sentenceOf(s, t)}`);
      continue;
    }
    const other = golds.find((x) => x.start === s && x.end === t);
    out.push(
      `FP ${e.type}${other ? ` (gold ${other.type})` : ''} ${e.trigger.text} ${e.modality} :: ${doc.id} :: ${sentenceOf(s, t)}`,
    );
  }
  for (const g of golds) {
    if (matched.has(g)) continue;
    out.push(
      `FN ${g.type} ${doc.tokens.slice(g.start, g.end).join(' ')} :: ${doc.id} :: ${sentenceOf(g.start, g.end)}`,
    );
  }
  return out;
}
