import type { CompletionData } from '@newsflow/shared';
import type { Queryable } from '../db/types.ts';

/** Records a completion marker as `pending`; finalizeIfReady completes it once every listed item is stored. */
export async function storeCompletion(tx: Queryable, c: CompletionData, now: string): Promise<boolean> {
  const changed = await tx.run(
    `INSERT INTO extractions (article_id, extractor_version, extractor_name, entity_ids, event_ids, duration_ms, state,
       received_at, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, NULL) ON CONFLICT (article_id, extractor_version) DO NOTHING`,
    [
      c.articleId,
      c.extractor.version,
      c.extractor.name,
      JSON.stringify(c.entityIds),
      JSON.stringify(c.eventIds),
      c.durationMs,
      now,
    ],
  );
  tx.memo?.settled.delete(c.articleId);
  return changed > 0;
}
