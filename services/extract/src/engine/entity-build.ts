import type { EntityMention, MentionForm } from './entity-types.ts';
import type { Mention, MentionSource } from './mention.ts';
import { normalizeName } from './normalize.ts';
import type { EntityKind } from './types.ts';

/** Confidence a single mention from each source lends its entity. */
const SOURCE_CONFIDENCE: Record<MentionSource, number> = {
  tagger: 0.75,
  lexicon: 0.85,
  rule: 0.8,
  time: 0.9,
  alias: 0.7,
  nominal: 0.6,
};
const KIND_PRIORITY: EntityKind[] = ['person', 'organization', 'location', 'nationality', 'date', 'misc'];
const ACRONYM_RE = /^[\p{Lu}\d&.]+$/u;

/**
 * The cluster's type: a lexicon or rule type when any mention has one, else person when any mention is a
 * person (the tagger mistypes names more often than it invents people), else the most frequent kind.
 */
export function clusterKind(ms: readonly Mention[]): EntityKind {
  const lexical = ms.find((m) => m.canonical || m.ruleKey || m.kind === 'date');
  if (lexical) return lexical.kind;
  const counts = new Map<EntityKind, number>();
  for (const m of ms) if (m.source !== 'nominal') counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  if (counts.has('person')) return 'person';
  let best: EntityKind = ms[0]?.kind ?? 'misc';
  let bestCount = -1;
  for (const k of KIND_PRIORITY) {
    const c = counts.get(k) ?? 0;
    if (c > bestCount) {
      best = k;
      bestCount = c;
    }
  }
  return best;
}

const fold = (s: string): string => s.replace(/[’‘]/g, "'");

/** Canonical name: a lexicon name when known, else the fullest name mention (most words, then first). */
export function canonicalName(kind: EntityKind, ms: readonly Mention[]): string {
  const lexical = ms.find((m) => m.canonical && m.kind === kind);
  if (lexical?.canonical && kind !== 'person') return lexical.canonical;
  const named = ms.filter((m) => m.source !== 'nominal');
  const pool = named.filter((m) => m.source !== 'alias' && !m.isAlias);
  const candidates = (pool.length > 0 ? pool : named.length > 0 ? named : ms).filter(
    (m) => kind === 'person' || !ACRONYM_RE.test(m.text) || ms.every((x) => ACRONYM_RE.test(x.text)),
  );
  let best = candidates[0] ?? ms[0];
  for (const m of candidates) {
    if (best && m.text.split(/\s+/).length > best.text.split(/\s+/).length) best = m;
  }
  return fold((best?.text ?? '').replace(/^(?:the|The)\s+/, ''));
}

/** Distinct surface forms other than the canonical name, first occurrence first. */
export function aliasesOf(name: string, ms: readonly Mention[]): string[] {
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const m of ms) {
    if (m.source === 'nominal' || m.kind === 'date') continue;
    const text = fold(m.text);
    const key = normalizeName(text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

function formOf(m: Mention): MentionForm {
  if (m.source === 'nominal') return 'nominal';
  return m.source === 'alias' || m.isAlias ? 'alias' : 'name';
}

/** Mentions in the entity output shape, in document order. */
export function entityMentions(ms: readonly Mention[]): EntityMention[] {
  return [...ms]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      sentence: m.sentence,
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      form: formOf(m),
    }));
}

/** Raw prominence: mentions (descriptions count half), an early first mention, presence in the title. */
export function salienceScore(ms: readonly Mention[], inTitle: boolean): number {
  let score = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const m of ms) {
    score += m.source === 'nominal' ? 0.5 : 1;
    first = Math.min(first, m.sentence);
  }
  return score + (first === 0 ? 1.5 : first === 1 ? 0.75 : 0) + (inTitle ? 2 : 0);
}

/** Confidence: the strongest source, raised when the tagger and a lexicon agree and with repeated mentions. */
export function confidenceOf(ms: readonly Mention[]): number {
  let base = 0;
  for (const m of ms) base = Math.max(base, m.confirmed ? 0.92 : SOURCE_CONFIDENCE[m.source]);
  const named = ms.filter((m) => m.source !== 'nominal').length;
  return Math.round(Math.min(0.99, base + Math.min(0.15, 0.03 * (named - 1))) * 1000) / 1000;
}
