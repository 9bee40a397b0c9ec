/**
 * Trigger lexicon: lemma -> senses. A sense names the event type, the part of speech it applies to, an
 * optional context rule that must accept it (see rules.ts), a prior confidence and optional PLOVER-mode/CAMEO
 * refinements. The data lives in lexicon-data.ts; this module indexes it.
 */
import { LEXICON_DATA } from './lexicon-data.ts';

export type TriggerPos = 'v' | 'n' | 'a';

export interface Sense {
  type: string;
  pos: TriggerPos;
  /** Name of a context rule in rules.ts that must return true, or several that must all return true. */
  rule?: string | readonly string[];
  /** Prior confidence of the sense (0..1). */
  conf: number;
  /** PLOVER mode refinement (e.g. 'explosives' for bombings). */
  mode?: string;
  /** CAMEO code refinement. */
  cameo?: string;
  /** Particle that must follow the verb and belongs to the trigger ("went off": the trigger is both words). */
  particle?: string;
  /** Verb frame variant: 'intransitive' verbs put their subject in the patient role ("he died"). */
  frame?: FrameVariant;
}

export type FrameVariant = 'intransitive' | 'instrumentSubject' | 'instrumentObject' | 'acquire';

/** Compact source row: [type, pos, space-separated lemmas, shared options]. */
export type LexiconRow = [string, TriggerPos, string, Partial<Omit<Sense, 'type' | 'pos'>>?];

function build(rows: readonly LexiconRow[]): Map<string, Sense[]> {
  const m = new Map<string, Sense[]>();
  for (const [type, pos, lemmas, opts] of rows) {
    for (const lemma of lemmas.split(/\s+/).filter(Boolean)) {
      const sense: Sense = { type, pos, conf: 0.7, ...opts };
      const list = m.get(lemma);
      if (list) list.push(sense);
      else m.set(lemma, [sense]);
    }
  }
  return m;
}

const LEXICON = build(LEXICON_DATA);

/** Senses of a lemma (empty when the lemma is not a trigger). */
export function sensesOf(lemma: string): readonly Sense[] {
  return LEXICON.get(lemma) ?? [];
}

const prefixKey = (w: string): number => w.charCodeAt(0) * 65536 + w.charCodeAt(1);
/** First two letters of every lemma: a word starting otherwise cannot be a regular inflection of a trigger. */
const PREFIXES = new Set([...LEXICON.keys()].map(prefixKey));

/** Cheap pre-filter: false when no inflection rule can map the word onto a trigger lemma. */
export function mayBeTrigger(word: string, irregular: ReadonlySet<string>): boolean {
  return PREFIXES.has(prefixKey(word)) || irregular.has(word);
}

/** True when the lemma has at least one sense. */
export function isTriggerLemma(lemma: string): boolean {
  return LEXICON.has(lemma);
}
