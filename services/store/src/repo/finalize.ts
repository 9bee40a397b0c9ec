import { placeholders } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';
import { type EventMergeSettings, mergeArticleEvents } from './canonical-events.ts';
import { enqueueStoryUpdate } from './outbox.ts';
import { assignStory, type StorySettings } from './stories.ts';

export type MergeSettings = EventMergeSettings & StorySettings;

async function countPresent(
  tx: Queryable,
  table: 'entities' | 'events',
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await tx.get<{ n: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${table} WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
  return Number(row?.n ?? 0);
}

/**
 * Runs the cross-article steps for an article once everything about it has arrived, in whatever order: the
 * article itself, a completion marker, and every entity and event the marker lists. Until then the extraction
 * stays `pending` and nothing is merged. Called after each stored message; does nothing when not ready.
 * Resolves true when it merged the article.
 */
export async function finalizeIfReady(
  tx: Queryable,
  articleId: string,
  s: MergeSettings,
  now: string,
): Promise<boolean> {
  // Cheap test first (one primary-key range probe, no article text): most messages arrive while the article has
  // no pending completion marker, or before the article itself, and must not pay for loading the article. Inside
  // a group transaction, an article found without a pending marker skips even that until its marker arrives.
  if (tx.memo?.settled.has(articleId)) return false;
  const pending = await tx.all<{
    extractor_version: string;
    entity_ids: string;
    event_ids: string;
    has_article: number;
  }>(
    `SELECT extractor_version, entity_ids, event_ids,
       CASE WHEN EXISTS (SELECT 1 FROM articles WHERE id = $1) THEN 1 ELSE 0 END AS has_article
     FROM extractions WHERE article_id = $1 AND state = 'pending'`,
    [articleId],
  );
  if (pending.length === 0) tx.memo?.settled.add(articleId);
  if (pending.length === 0 || Number(pending[0]?.has_article) !== 1) return false;
  let ready = false;
  for (const p of pending) {
    const entityIds = JSON.parse(p.entity_ids) as string[];
    const eventIds = JSON.parse(p.event_ids) as string[];
    if ((await countPresent(tx, 'entities', entityIds)) < entityIds.length) continue;
    if ((await countPresent(tx, 'events', eventIds)) < eventIds.length) continue;
    await tx.run(
      `UPDATE extractions SET state = 'complete', completed_at = $3 WHERE article_id = $1 AND extractor_version = $2`,
      [articleId, p.extractor_version, now],
    );
    ready = true;
  }
  if (!ready) return false;
  const article = await tx.get<{ id: string; title: string | null; text: string; outlet: string | null }>(
    'SELECT id, title, text, outlet FROM articles WHERE id = $1',
    [articleId],
  );
  if (!article) return false;
  await mergeArticleEvents(tx, article, s, now);
  const canonical = await tx.all<{ canonical_event_id: string }>(
    'SELECT DISTINCT canonical_event_id FROM event_sources WHERE article_id = $1 ORDER BY canonical_event_id',
    [articleId],
  );
  const changes = await assignStory(
    tx,
    article,
    canonical.map((c) => c.canonical_event_id),
    s,
    now,
  );
  for (const change of changes) await enqueueStoryUpdate(tx, change, now);
  return true;
}
