import { z } from 'zod';
import { idOf, timestamp } from './common.ts';
import { envelope } from './envelope.ts';

export const StoryUpdateData = z
  .object({
    storyId: idOf('sty').describe('Story id.'),
    change: z.enum(['created', 'updated', 'merged']).describe('What happened to the story.'),
    title: z.string().optional().describe('A representative headline.'),
    articleIds: z.array(idOf('art')).min(1).describe('Articles in the story.'),
    eventIds: z.array(z.string().min(1)).describe('Canonical (cross-article) events in the story.'),
    entityIds: z.array(z.string().min(1)).describe('Canonical entities most central to the story.'),
    mergedStoryIds: z.array(idOf('sty')).optional().describe('Stories absorbed into this one, for `merged`.'),
    revision: z.number().int().positive().describe('Increases with every change to the story.'),
    updatedAt: timestamp().describe('When the store changed the story.'),
  })
  .describe('A story (cluster of articles and events about one happening) was created or grew.');
export type StoryUpdateData = z.infer<typeof StoryUpdateData>;

export const STORY_UPDATED_V1 = 'news.story.updated.v1';
export const StoryUpdatedV1 = envelope(
  STORY_UPDATED_V1,
  StoryUpdateData,
  'A story update (news.stories.updated).',
);
export type StoryUpdatedV1 = z.infer<typeof StoryUpdatedV1>;
