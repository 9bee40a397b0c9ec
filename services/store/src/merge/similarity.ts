/**
 * Similarity of two articles for story clustering: text (words and names), shared canonical entities, shared
 * canonical events, less a penalty when the people the two articles are mainly about differ. Pure functions.
 */
import { jaccard, type TextVectors, textSimilarity } from './text.ts';

/** One canonical entity of an article, with what makes it distinctive. */
export interface EntityMark {
  type: string;
  /** Name tokens (lower case) of the entity as the article names it. */
  tokens: readonly string[];
  /** How central the entity is to the article (0..1, from the extractor). */
  salience: number;
  /** Inverse document frequency of the canonical entity among the stored articles (`idf` of merge/text.ts). */
  idf: number;
}

export interface ArticleView {
  vector?: TextVectors | undefined;
  /** Topical canonical entities, keyed by canonical id. */
  entities?: ReadonlyMap<string, EntityMark> | undefined;
  events?: ReadonlySet<string> | undefined;
}

export interface SimilarityOptions {
  /** Weight of shared canonical entities against text similarity, when both articles have entities. */
  entityWeight: number;
  /** What sharing a canonical event adds (evidence, not proof: extraction errs). */
  eventBonus: number;
  /** Share of the similarity left when two articles are mainly about different people (1: no penalty). */
  nameConflictFactor: number;
  /** A main name has at least this salience in its article... */
  mainSalience: number;
  /** ...and at least this idf: rare in the corpus (3: in at most about one article in seven). */
  mainIdf: number;
  /** A main name is shared when the other article names it at least this saliently (a passing mention is not). */
  sharedSalience: number;
  /**
   * Entity types compared, in groups: two articles conflict when, for some group, both have main names of its types
   * and neither names any of the other's. People only by default: places and organisations measured worse (ECB+,
   * docs/storage.md), as one happening is often placed at several levels (Malibu, California).
   */
  conflictGroups: readonly (readonly string[])[];
}

export const DEFAULT_SIMILARITY: SimilarityOptions = {
  entityWeight: 0.4,
  eventBonus: 0.15,
  nameConflictFactor: 0.3,
  mainSalience: 0.5,
  mainIdf: 3,
  sharedSalience: 0.3,
  conflictGroups: [['person']],
};

type Named = [id: string, mark: EntityMark];

/** The entities of `v` of the given types with at least `salience`. */
function named(v: ArticleView, types: readonly string[], salience: number): Named[] {
  return [...(v.entities ?? [])].filter(([, m]) => types.includes(m.type) && m.salience >= salience);
}

/** One name: the same canonical entity, or a shared name token (`Jackson` and `Vincent Jackson`). */
function sameName([ida, a]: Named, [idb, b]: Named): boolean {
  return ida === idb || a.tokens.some((t) => b.tokens.includes(t));
}

/**
 * Whether two articles are mainly about different named entities of one kind: for some group of entity types, both
 * have main names (salient and rare) and neither names any of the other's main names saliently (two arrests of
 * different people). A passing mention does not count as shared: reports of a second happening often recall the
 * first one ("months after teammate Vincent Jackson was arrested").
 */
export function namesConflict(a: ArticleView, b: ArticleView, o: SimilarityOptions): boolean {
  const na = namesOf(a, o);
  const nb = namesOf(b, o);
  return o.conflictGroups.some((_, g) => {
    const ma = na.main[g] as Named[];
    const mb = nb.main[g] as Named[];
    if (ma.length === 0 || mb.length === 0) return false;
    const oa = na.shared[g] as Named[];
    const ob = nb.shared[g] as Named[];
    return !ma.some((x) => ob.some((y) => sameName(x, y))) && !mb.some((y) => oa.some((x) => sameName(x, y)));
  });
}

/** An article's main and shared names per conflict group, for the options they were picked with. */
interface Names {
  options: SimilarityOptions;
  main: Named[][];
  shared: Named[][];
}

const NO_ENTITIES: ReadonlyMap<string, EntityMark> = new Map();

/**
 * Names are picked once per entity map and options (an article meets many others in one story step): kept beside
 * the map, which is never changed once built.
 */
const namesByEntities = new WeakMap<ReadonlyMap<string, EntityMark>, Names>();

function namesOf(v: ArticleView, o: SimilarityOptions): Names {
  const entities = v.entities ?? NO_ENTITIES;
  const known = namesByEntities.get(entities);
  if (known && known.options === o) return known;
  const names: Names = {
    options: o,
    main: o.conflictGroups.map((types) =>
      named(v, types, o.mainSalience).filter(([, m]) => m.idf >= o.mainIdf),
    ),
    shared: o.conflictGroups.map((types) => named(v, types, o.sharedSalience)),
  };
  namesByEntities.set(entities, names);
  return names;
}

function sharesAny(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return false;
  for (const e of a) if (b.has(e)) return true;
  return false;
}

/**
 * Similarity of two articles: text blended with shared canonical entities (when both have some), plus a bonus for a
 * shared canonical event, scaled down when the articles are mainly about different people.
 */
export function articleSimilarity(a: ArticleView, b: ArticleView, o: SimilarityOptions): number {
  const text = a.vector && b.vector ? textSimilarity(a.vector, b.vector) : 0;
  const base =
    !a.entities?.size || !b.entities?.size
      ? text
      : (1 - o.entityWeight) * text + o.entityWeight * jaccard(a.entities, b.entities);
  const sim = sharesAny(a.events, b.events) ? Math.min(1, base + o.eventBonus) : base;
  return o.nameConflictFactor < 1 && namesConflict(a, b, o) ? sim * o.nameConflictFactor : sim;
}
