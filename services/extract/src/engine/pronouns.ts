import type { EntityMention, ExtractedEntity } from './entity-types.ts';
import type { Doc } from './types.ts';

const PERSONAL = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
/** Sentences back (besides the pronoun's own) in which an antecedent may be named. */
const WINDOW = 2;

/**
 * Conservative pronoun resolution: a personal pronoun ("he", "his", "her") joins the person entity named in its
 * own or the two preceding sentences when exactly one person is named there; with two or more candidates it is
 * left alone. Adds `pronoun` mentions to the entities in place; linear in the number of tokens.
 */
export function resolvePronouns(doc: Doc, entities: readonly ExtractedEntity[]): void {
  const bySentence: { entity: ExtractedEntity; start: number }[][] = doc.sentences.map(() => []);
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions)
      if (m.form !== 'pronoun') bySentence[m.sentence]?.push({ entity: e, start: m.start });
  }
  const added = new Set<ExtractedEntity>();
  doc.sentences.forEach((s, si) => {
    s.tokens.forEach((tok, ti) => {
      if (!PERSONAL.has(tok.text.toLowerCase())) return;
      const candidates = new Set<ExtractedEntity>();
      for (let k = Math.max(0, si - WINDOW); k <= si; k++) {
        for (const c of bySentence[k] ?? []) if (k < si || c.start < tok.start) candidates.add(c.entity);
      }
      if (candidates.size !== 1) return;
      const [entity] = candidates;
      if (!entity) return;
      const mention: EntityMention = {
        text: tok.text,
        start: tok.start,
        end: tok.end,
        sentence: si,
        tokenStart: ti,
        tokenEnd: ti + 1,
        form: 'pronoun',
      };
      entity.mentions.push(mention);
      added.add(entity);
    });
  });
  for (const e of added) e.mentions.sort((a, b) => a.start - b.start);
}
