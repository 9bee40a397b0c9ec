import { z } from 'zod';
import { ExtractorStamp, idOf } from './common.ts';
import { envelope } from './envelope.ts';

export const CompletionData = z
  .object({
    articleId: idOf('art').describe('The article whose extraction is complete.'),
    extractor: ExtractorStamp,
    entityCount: z.number().int().nonnegative().describe('How many entity messages were published.'),
    eventCount: z.number().int().nonnegative().describe('How many event messages were published.'),
    entityIds: z
      .array(idOf('ent'))
      .describe('Ids of the entity messages, so a consumer can check it has them all.'),
    eventIds: z.array(idOf('evt')).describe('Ids of the event messages.'),
    durationMs: z.number().nonnegative().describe('Extraction time in milliseconds.'),
  })
  .refine((d) => d.entityIds.length === d.entityCount && d.eventIds.length === d.eventCount, {
    message: 'counts must match the id lists',
  })
  .describe('Marks that every entity and event of an article was published.');
export type CompletionData = z.infer<typeof CompletionData>;

export const ARTICLE_EXTRACTED_V1 = 'news.article.extracted.v1';
export const ArticleExtractedV1 = envelope(
  ARTICLE_EXTRACTED_V1,
  CompletionData,
  'Extraction of an article is complete (news.articles.extracted).',
);
export type ArticleExtractedV1 = z.infer<typeof ArticleExtractedV1>;
