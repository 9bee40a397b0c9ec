import { z } from 'zod';
import { ENTITY_TYPES } from '../subjects.ts';
import { Confidence, ExtractorStamp, idOf } from './common.ts';
import { envelope } from './envelope.ts';

export const EntityRole = z
  .object({
    title: z.string().min(1).describe('Role or title as normalised, e.g. `Prime Minister`, `deputy caliph`.'),
    affiliation: z.string().optional().describe('Who the role is held for, when stated, e.g. `Iraq`.'),
    affiliationEntityId: idOf('ent').optional().describe('The affiliation as an entity of the same article.'),
    qualifier: z.string().optional().describe('Qualifier such as `former`, `interim`, `acting`.'),
  })
  .describe('A role or title the entity holds.');
export type EntityRole = z.infer<typeof EntityRole>;

export const EntityMention = z
  .object({
    text: z.string().min(1).describe('The mention as written.'),
    start: z.number().int().nonnegative().describe('Start offset in the article text.'),
    end: z.number().int().nonnegative().describe('End offset (exclusive) in the article text.'),
    sentence: z.number().int().nonnegative().describe('0-based index of the sentence holding the mention.'),
  })
  .describe('One mention of the entity in the article.');
export type EntityMention = z.infer<typeof EntityMention>;

export const EntityData = z
  .object({
    id: idOf('ent').describe('Deterministic id from (article id, extractor version, canonical key).'),
    articleId: idOf('art').describe('The article the entity was found in.'),
    type: z.enum(ENTITY_TYPES).describe('Entity type; also the last token of the subject.'),
    name: z.string().min(1).describe('Canonical name: the fullest name the article uses.'),
    aliases: z
      .array(z.string().min(1))
      .describe('Other names the article uses: surnames, nicknames, acronyms.'),
    roles: z.array(EntityRole).describe('Roles and titles with their affiliation.'),
    mentions: z.array(EntityMention).min(1).describe('Every mention, in text order.'),
    salience: Confidence.describe('How central the entity is to the article (0..1).'),
    confidence: Confidence,
    normalized: z
      .string()
      .optional()
      .describe('Normalised value: ISO date for dates, country for nationalities.'),
    extractor: ExtractorStamp,
  })
  .describe('An entity found in one article.');
export type EntityData = z.infer<typeof EntityData>;

export const ENTITY_V1 = 'news.entity.v1';
export const EntityV1 = envelope(ENTITY_V1, EntityData, 'An entity of one article (news.entities.<type>).');
export type EntityV1 = z.infer<typeof EntityV1>;
