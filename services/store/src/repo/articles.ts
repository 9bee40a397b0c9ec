import type { ArticleData } from '@newsflow/shared';
import { v } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';

/** Stores an article once (the id is a hash of its text); resolves true when it was new. */
export async function insertArticle(tx: Queryable, a: ArticleData, now: string): Promise<boolean> {
  const changed = await tx.run(
    `INSERT INTO articles (id, title, text, url, outlet, byline, language, published_at, received_at,
       origin_kind, origin_path, content_hash, byte_size, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (id) DO NOTHING`,
    [
      a.id,
      v(a.title),
      a.text,
      v(a.url),
      v(a.outlet),
      v(a.byline),
      v(a.language),
      v(a.publishedAt),
      a.receivedAt,
      a.origin.kind,
      v(a.origin.path),
      a.contentHash,
      a.byteSize,
      now,
    ],
  );
  return changed > 0;
}

/** Records a message id; resolves false when it was already processed (a redelivery or a replay). */
export async function markProcessed(
  tx: Queryable,
  messageId: string,
  type: string,
  now: string,
): Promise<boolean> {
  const changed = await tx.run(
    'INSERT INTO processed_messages (message_id, type, processed_at) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING',
    [messageId, type, now],
  );
  return changed > 0;
}
