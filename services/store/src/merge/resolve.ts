import { acronymOf, type KeyKind, looksLikeAcronym, nameTokens } from './names.ts';

/** How an article entity was linked to a canonical entity (kept as provenance). */
export type MatchRule = 'new' | 'exact' | 'alias' | 'acronym' | 'surname';

/** One lookup the resolver makes: a key of a given kind, and the rule it would justify. */
export interface Probe {
  kind: KeyKind;
  key: string;
  rule: Exclude<MatchRule, 'new'>;
  /** A guard probe never links; its hits make a surname match ambiguous (someone else has that surname). */
  guard?: boolean;
}

/** A key of an existing canonical entity that matched a probe. */
export interface KeyHit {
  kind: KeyKind;
  key: string;
  canonicalId: string;
}

export interface Resolution {
  canonicalId: string;
  rule: Exclude<MatchRule, 'new'>;
  key: string;
}

/**
 * The lookups that could link an entity named `name` (with `aliases`) to a canonical entity of the same type:
 * exact/alias (any name equals a known name), acronym (an acronym equals the acronym of a known multi-word
 * name, or a multi-word name's acronym is a known name) and, for people, surname (a one-word name equals the
 * surname of a known full name, or a full name's surname is a person known only by that word).
 */
export function probesFor(type: string, name: string, aliases: readonly string[]): Probe[] {
  const probes: Probe[] = [];
  const primary = nameTokens(name).join(' ');
  for (const n of [name, ...aliases]) {
    const tokens = nameTokens(n);
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    probes.push({ kind: 'name', key, rule: key === primary ? 'exact' : 'alias' });
    if (type !== 'person') {
      if (looksLikeAcronym(n))
        probes.push({ kind: 'acronym', key: n.replace(/[.\s]/g, '').toLowerCase(), rule: 'acronym' });
      const acr = acronymOf(n);
      if (acr && tokens.length >= 2) probes.push({ kind: 'name', key: acr, rule: 'acronym' });
    } else if (tokens.length === 1) {
      probes.push({ kind: 'surname', key, rule: 'surname' });
    } else {
      probes.push({ kind: 'name', key: tokens[tokens.length - 1] as string, rule: 'surname' });
      probes.push({
        kind: 'surname',
        key: tokens[tokens.length - 1] as string,
        rule: 'surname',
        guard: true,
      });
    }
  }
  return probes;
}

const RULE_ORDER: Array<Exclude<MatchRule, 'new'>> = ['exact', 'alias', 'acronym', 'surname'];

/**
 * Picks the canonical entity for the probes given the keys that matched. Exact and alias matches win (the
 * canonical with most matching names; ties go to the smallest id, so the choice is deterministic). Acronym and
 * surname matches link only when exactly one canonical entity fits; otherwise the entity stays on its own.
 */
export function chooseCanonical(probes: readonly Probe[], hits: readonly KeyHit[]): Resolution | undefined {
  const hitIndex = new Map<string, Set<string>>();
  for (const h of hits) {
    const k = `${h.kind}:${h.key}`;
    if (!hitIndex.has(k)) hitIndex.set(k, new Set());
    hitIndex.get(k)?.add(h.canonicalId);
  }
  for (const rule of RULE_ORDER) {
    const scores = new Map<string, { n: number; key: string }>();
    const group = probes.filter((p) => p.rule === rule || (rule === 'alias' && p.rule === 'exact'));
    let guarded = false;
    for (const p of group) {
      if (p.guard) {
        guarded ||= (hitIndex.get(`${p.kind}:${p.key}`)?.size ?? 0) > 0;
        continue;
      }
      for (const id of hitIndex.get(`${p.kind}:${p.key}`) ?? []) {
        const s = scores.get(id) ?? { n: 0, key: p.key };
        s.n++;
        scores.set(id, s);
      }
    }
    if (scores.size === 0) continue;
    const ranked = [...scores.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
    const [bestId, best] = ranked[0] as [string, { n: number; key: string }];
    if ((rule === 'surname' || rule === 'acronym') && (ranked.length > 1 || guarded)) return undefined;
    return { canonicalId: bestId, rule, key: best.key };
  }
  return undefined;
}
