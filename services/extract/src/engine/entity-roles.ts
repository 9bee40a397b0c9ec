import { entityMentions } from './entity-build.ts';
import type { EntityRole, ExtractedEntity } from './entity-types.ts';
import { entityId, entityKey } from './ids.ts';
import type { Mention } from './mention.ts';
import type { UnnamedRole } from './role-mentions.ts';
import type { RoleFact } from './titles.ts';

/** The affiliation a mention stands for: a nationality stands for its country ("Iraqi" -> Iraq). */
function affiliationOf(
  m: Mention | undefined,
  entityOf: Map<Mention, ExtractedEntity>,
): Pick<EntityRole, 'affiliation' | 'affiliationKey'> {
  const aff = m ? entityOf.get(m) : undefined;
  if (!aff) return {};
  if (aff.kind === 'nationality' && aff.country) {
    return { affiliation: aff.country, affiliationKey: entityKey('location', aff.country) };
  }
  return { affiliation: aff.name, affiliationKey: aff.key };
}

/** Roles of one entity from its facts: affiliations resolved to entities, duplicates folded. */
export function resolveRoles(
  facts: readonly RoleFact[],
  entityOf: Map<Mention, ExtractedEntity>,
): EntityRole[] {
  const roles = new Map<string, EntityRole>();
  for (const f of facts) {
    const role: EntityRole = { title: f.title, ...affiliationOf(f.affiliation, entityOf) };
    if (f.qualifiers.length > 0) role.qualifiers = f.qualifiers;
    const id = `${f.title.toLowerCase()}|${role.affiliation ?? ''}`;
    const prev = roles.get(id);
    if (prev) {
      const q = [...new Set([...(prev.qualifiers ?? []), ...(role.qualifiers ?? [])])];
      if (q.length > 0) prev.qualifiers = q;
    } else roles.set(id, role);
  }
  // A title without affiliation adds nothing when the same title is known with one.
  const withAff = new Set([...roles.values()].filter((r) => r.affiliation).map((r) => r.title.toLowerCase()));
  return [...roles.values()].filter((r) => r.affiliation || !withAff.has(r.title.toLowerCase()));
}

const isFormer = (q: readonly string[] | undefined): boolean =>
  (q ?? []).some((w) => w === 'former' || w === 'ex');

/**
 * Attach role-only descriptions ("Syria’s foreign minister") to the one named person holding that role with
 * that affiliation in the article (a former holder only matches "former ..."); otherwise group equal roles into
 * a person entity of their own, named by the first description. Returns the new entities.
 */
export function attachUnnamedRoles(
  unnamed: readonly UnnamedRole[],
  entities: readonly ExtractedEntity[],
  entityOf: Map<Mention, ExtractedEntity>,
  ids: { articleId: string; version: string },
): ExtractedEntity[] {
  const created = new Map<string, ExtractedEntity>();
  for (const u of unnamed) {
    const aff = affiliationOf(u.affiliation, entityOf);
    if (!aff.affiliation) continue;
    const same = (r: EntityRole): boolean =>
      r.title.toLowerCase() === u.title.toLowerCase() &&
      r.affiliation === aff.affiliation &&
      isFormer(r.qualifiers) === isFormer(u.qualifiers);
    const holders = entities.filter((e) => e.kind === 'person' && e.roles.some(same));
    const [mention] = entityMentions([u.mention]);
    if (!mention) continue;
    if (holders.length === 1 && holders[0]) {
      holders[0].mentions.push(mention);
      holders[0].mentions.sort((a, b) => a.start - b.start);
      continue;
    }
    if (u.attachOnly) continue;
    const key = entityKey('person', `${u.title} of ${aff.affiliation}`);
    const existing = created.get(key);
    if (existing) {
      existing.mentions.push(mention);
      continue;
    }
    const role: EntityRole = { title: u.title, ...aff };
    if (u.qualifiers.length > 0) role.qualifiers = u.qualifiers;
    created.set(key, {
      id: entityId(ids.articleId, ids.version, key),
      key,
      kind: 'person',
      name: u.mention.text.replace(/^(?:the|The)\s+/, '').replace(/[’‘]/g, "'"),
      aliases: [],
      roles: [role],
      mentions: [mention],
      salience: 0,
      confidence: 0.6,
    });
  }
  return [...created.values()];
}
