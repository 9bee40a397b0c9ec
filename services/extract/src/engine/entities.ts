import { findAliases } from './aliases.ts';
import { clusterMentions } from './coref.ts';
import {
  aliasesOf,
  canonicalName,
  clusterKind,
  confidenceOf,
  entityMentions,
  salienceScore,
} from './entity-build.ts';
import { attachUnnamedRoles, resolveRoles } from './entity-roles.ts';
import type { ExtractedEntity } from './entity-types.ts';
import { entityId, entityKey } from './ids.ts';
import type { Lexicon } from './lexicon/index.ts';
import { byPosition, type Mention } from './mention.ts';
import { collectMentions } from './mentions.ts';
import { normalizeName } from './normalize.ts';
import { resolvePronouns } from './pronouns.ts';
import { findRoleDescriptions } from './role-descriptions.ts';
import { findUnnamedRoles } from './role-mentions.ts';
import type { TimeMention } from './time.ts';
import { findTitles, type RoleFact } from './titles.ts';
import type { Doc, MentionSpan } from './types.ts';

/** What the entity stage needs besides the document. */
export interface EntityDeps {
  /** Named-entity stage (see `createNerStage`). */
  ner: (doc: Doc) => MentionSpan[];
  lexicon: Lexicon;
  articleId: string;
  /** Extractor version; part of every id. */
  version: string;
  /** Article title, used only for salience. */
  title?: string;
  /** `findTimes` over the document, when the caller already has it (the event stage uses the same). */
  times?: readonly TimeMention[];
}

/**
 * Entities of one document: tagger spans refined by lexicons and rules, dates, stated aliases, titles and
 * appositions, in-document coreference (names, aliases, descriptions, unambiguous personal pronouns); each cluster becomes an entity with canonical name, aliases, roles,
 * mentions, salience, confidence and a deterministic id. Pure given its dependencies.
 */
export function extractEntities(doc: Doc, deps: EntityDeps): ExtractedEntity[] {
  let mentions = collectMentions(doc, deps.ner(doc), deps.lexicon, deps.times);
  const aliases = findAliases(doc, mentions);
  mentions = [...mentions, ...aliases.added].sort(byPosition);
  const titles = findTitles(doc, mentions, deps.lexicon);
  mentions = [...mentions, ...titles.added].sort(byPosition);
  const unnamed = [
    ...findUnnamedRoles(doc, mentions, deps.lexicon),
    ...findRoleDescriptions(doc, mentions, deps.lexicon),
  ];
  const clusters = clusterMentions(mentions, [...aliases.links, ...titles.links]);

  const titleText = normalizeName(deps.title ?? '');
  const entityOf = new Map<Mention, ExtractedEntity>();
  const usedKeys = new Map<string, number>();
  const built: { entity: ExtractedEntity; score: number; ms: Mention[] }[] = [];
  for (const ms of clusters) {
    if (ms.every((m) => m.source === 'nominal')) continue;
    const kind = clusterKind(ms);
    const name = canonicalName(kind, ms);
    const dateValue = kind === 'date' ? ms.find((m) => m.time?.value)?.time?.value : undefined;
    let key = entityKey(kind, dateValue ?? name);
    const n = usedKeys.get(key) ?? 0;
    usedKeys.set(key, n + 1);
    if (n > 0) key = `${key}#${n + 1}`;
    const entity: ExtractedEntity = {
      id: entityId(deps.articleId, deps.version, key),
      key,
      kind,
      name,
      aliases: kind === 'date' ? [] : aliasesOf(name, ms),
      roles: [],
      mentions: entityMentions(ms),
      salience: 0,
      confidence: confidenceOf(ms),
    };
    const country = ms.find((m) => m.country)?.country;
    if (country && kind !== 'person') entity.country = country;
    const time = ms.find((m) => m.time)?.time;
    if (time) entity.time = time;
    const inTitle =
      titleText.length > 0 && [name, ...entity.aliases].some((a) => titleText.includes(normalizeName(a)));
    built.push({ entity, score: salienceScore(ms, inTitle), ms });
    for (const m of ms) entityOf.set(m, entity);
  }
  const facts = new Map<ExtractedEntity, RoleFact[]>();
  for (const f of titles.roles) {
    const e = entityOf.get(f.person);
    if (e) facts.set(e, [...(facts.get(e) ?? []), f]);
  }
  for (const { entity } of built) entity.roles = resolveRoles(facts.get(entity) ?? [], entityOf);
  const entities = built.map((b) => b.entity);
  const extra = attachUnnamedRoles(unnamed, entities, entityOf, deps);
  const scored = [
    ...built.map((b) => ({
      entity: b.entity,
      score: b.score + (b.entity.mentions.length - b.ms.length) * 0.5,
    })),
    ...extra.map((e) => ({ entity: e, score: salienceScore([], false) + e.mentions.length * 0.5 })),
  ];
  const max = Math.max(1, ...scored.map((b) => b.score));
  for (const { entity, score } of scored) entity.salience = Math.round((score / max) * 1000) / 1000;
  resolvePronouns(
    doc,
    scored.map((b) => b.entity),
  );
  return scored
    .map((b) => b.entity)
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || (a.key < b.key ? -1 : 1));
}
