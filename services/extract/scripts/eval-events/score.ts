/**
 * Event scoring with the rules: a trigger is identified when its token span matches a gold trigger
 * exactly, classified when the gold KAIROS type maps to the predicted type; an argument counts only on a
 * correctly classified event, when its head token is the gold argument's head or the head of a mention
 * coreferent with it (identification), and its role maps to the gold role (classification).
 */
import { eventType, matchesKairos, typeForKairos } from '../../src/engine/events/taxonomy.ts';
import type { ExtractedEvent } from '../../src/engine/events/types.ts';
import { type EvalDoc, type GoldEvent, headOf, tokenSpan } from './wikievents.ts';

export interface Counts {
  pred: number;
  gold: number;
  tp: number;
}

export interface TypeCounts {
  trigId: Counts;
  trigCls: Counts;
  argId: Counts;
  argCls: Counts;
}

const zero = (): Counts => ({ pred: 0, gold: 0, tp: 0 });
export const newTypeCounts = (): TypeCounts => ({
  trigId: zero(),
  trigCls: zero(),
  argId: zero(),
  argCls: zero(),
});

/** Which gold events and predicted events a score line covers. */
export interface Scope {
  gold: (g: GoldEvent) => boolean;
  pred: (e: ExtractedEvent) => boolean;
}

function rolesMatch(e: ExtractedEvent, role: string, goldRole: string): boolean {
  const mapped = eventType(e.type).kairosRoles[role as keyof ReturnType<typeof eventType>['kairosRoles']];
  return !!mapped?.includes(goldRole);
}

/** Predicted argument heads (document token indices), one per (role, head). */
function predictedArgs(doc: EvalDoc, e: ExtractedEvent): { role: string; head: number }[] {
  const seen = new Set<string>();
  const out: { role: string; head: number }[] = [];
  for (const a of e.arguments) {
    if (a.role === 'time') continue;
    const [s, t] = tokenSpan(doc, a.start, a.end);
    if (s < 0) continue;
    const head = headOf(doc.tokens, s, t);
    const key = `${a.role}|${head}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ role: a.role, head });
  }
  return out;
}

/** Add one document's counts into `into`, keyed by our type (gold keyed by its mapped type or 'unmapped'). */
export function scoreDoc(
  doc: EvalDoc,
  events: readonly ExtractedEvent[],
  scope: Scope,
  into: Map<string, TypeCounts>,
) {
  const get = (k: string): TypeCounts => {
    const c = into.get(k) ?? newTypeCounts();
    into.set(k, c);
    return c;
  };
  const golds = doc.events.filter(scope.gold);
  for (const g of golds) {
    const c = get(typeForKairos(g.type) ?? `(${g.type})`);
    c.trigId.gold++;
    c.trigCls.gold++;
    c.argId.gold += g.arguments.length;
    c.argCls.gold += g.arguments.length;
  }
  const usedId = new Set<GoldEvent>();
  const usedCls = new Set<GoldEvent>();
  for (const e of events) {
    if (!scope.pred(e)) continue;
    const c = get(e.type);
    const [s, t] = tokenSpan(doc, e.trigger.start, e.trigger.end);
    const args = predictedArgs(doc, e);
    c.trigId.pred++;
    c.trigCls.pred++;
    c.argId.pred += args.length;
    c.argCls.pred += args.length;
    const sameSpan = golds.filter((g) => g.start === s && g.end === t);
    const idMatch = sameSpan.find((g) => !usedId.has(g));
    if (idMatch) {
      usedId.add(idMatch);
      c.trigId.tp++;
    }
    const cls = sameSpan.find((g) => !usedCls.has(g) && matchesKairos(e.type, g.type));
    if (!cls) continue;
    usedCls.add(cls);
    c.trigCls.tp++;
    const idUsed = new Set<number>();
    const clsUsed = new Set<number>();
    for (const a of args) {
      const gi = cls.arguments.findIndex((g, k) => !idUsed.has(k) && g.heads.has(a.head));
      if (gi >= 0) {
        idUsed.add(gi);
        c.argId.tp++;
      }
      const gc = cls.arguments.findIndex(
        (g, k) => !clsUsed.has(k) && g.heads.has(a.head) && rolesMatch(e, a.role, g.role),
      );
      if (gc >= 0) {
        clsUsed.add(gc);
        c.argCls.tp++;
      }
    }
  }
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function sum(list: Iterable<TypeCounts>): TypeCounts {
  const out = newTypeCounts();
  for (const c of list) {
    for (const k of ['trigId', 'trigCls', 'argId', 'argCls'] as const) {
      out[k].pred += c[k].pred;
      out[k].gold += c[k].gold;
      out[k].tp += c[k].tp;
    }
  }
  return out;
}
