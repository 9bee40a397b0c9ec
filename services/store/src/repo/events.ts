import type { EventData } from '@newsflow/shared';
import { rowsPlaceholders, v } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';

/** Stores an article event and its arguments; resolves false when it was stored already. */
export async function storeEvent(tx: Queryable, e: EventData, now: string): Promise<boolean> {
  const changed = await tx.run(
    `INSERT INTO events (id, article_id, type, trigger_text, trigger_start, trigger_end, evidence_text,
       evidence_start, evidence_end, evidence_sentence, time_text, time_value, time_granularity, time_resolved,
       modality, source_text, source_entity_id, confidence, plover_event, plover_mode, cameo, extractor_name,
       extractor_version, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
       $23, $24)
     ON CONFLICT (id) DO NOTHING`,
    [
      e.id,
      e.articleId,
      e.type,
      e.trigger.text,
      e.trigger.start,
      e.trigger.end,
      e.evidence.text,
      e.evidence.start,
      e.evidence.end,
      e.evidence.sentence,
      v(e.time?.text),
      v(e.time?.value),
      v(e.time?.granularity),
      v(e.time?.resolved),
      e.modality,
      v(e.source?.text),
      v(e.source?.entityId),
      e.confidence,
      e.plover.event,
      v(e.plover.mode),
      v(e.cameo),
      e.extractor.name,
      e.extractor.version,
      now,
    ],
  );
  if (changed === 0) return false;
  if (e.arguments.length > 0) {
    await tx.run(
      `INSERT INTO event_arguments (event_id, idx, role, text, start_offset, end_offset, entity_id)
       VALUES ${rowsPlaceholders(e.arguments.length, 7)} ON CONFLICT DO NOTHING`,
      e.arguments.flatMap((a, i) => [e.id, i, a.role, a.text, a.start, a.end, v(a.entityId)]),
    );
  }
  return true;
}
