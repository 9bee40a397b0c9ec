import { makeMessage, type StoryUpdatedV1 } from '@newsflow/shared';
import type { Queryable } from '../db/types.ts';
import type { StoryChange } from './stories.ts';

/** How many canonical entities a story update lists (the most mentioned across its articles). */
const TOP_ENTITIES = 10;

/**
 * Writes the story update for `change` into the outbox, in the transaction that made the change. The message id
 * is `<storyId>-r<revision>`, so a re-publish after a crash is dropped by JetStream's duplicate window.
 */
export async function enqueueStoryUpdate(tx: Queryable, change: StoryChange, now: string): Promise<void> {
  const story = await tx.get<{ title: string | null; revision: number }>(
    'SELECT title, revision FROM stories WHERE id = $1',
    [change.storyId],
  );
  if (!story) return;
  const articles = await tx.all<{ article_id: string }>(
    'SELECT article_id FROM story_articles WHERE story_id = $1 ORDER BY added_at, article_id',
    [change.storyId],
  );
  const events = await tx.all<{ id: string }>(
    'SELECT id FROM canonical_events WHERE story_id = $1 ORDER BY id',
    [change.storyId],
  );
  const entities = await tx.all<{ canonical_id: string }>(
    `SELECT e.canonical_id FROM entities e JOIN story_articles sa ON sa.article_id = e.article_id
     JOIN mentions m ON m.entity_id = e.id
     WHERE sa.story_id = $1 AND e.type <> 'date'
     GROUP BY e.canonical_id ORDER BY COUNT(*) DESC, e.canonical_id LIMIT ${TOP_ENTITIES}`,
    [change.storyId],
  );
  const revision = Number(story.revision);
  const message: StoryUpdatedV1 = makeMessage('news.story.updated.v1', {
    id: `${change.storyId}-r${revision}`,
    source: 'newsflow/store',
    subject: change.storyId,
    time: new Date(now),
    data: {
      storyId: change.storyId,
      change: change.change,
      ...(story.title ? { title: story.title } : {}),
      articleIds: articles.map((a) => a.article_id),
      eventIds: events.map((e) => e.id),
      entityIds: entities.map((e) => e.canonical_id),
      ...(change.mergedStoryIds.length > 0 ? { mergedStoryIds: change.mergedStoryIds } : {}),
      revision,
      updatedAt: now,
    },
  });
  await tx.run(
    'INSERT INTO outbox (id, payload, created_at, published_at) VALUES ($1, $2, $3, NULL) ON CONFLICT (id) DO NOTHING',
    [message.id, JSON.stringify(message), now],
  );
}
