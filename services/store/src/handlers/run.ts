import type { Queryable } from '../db/types.ts';
import { markProcessed } from '../repo/articles.ts';
import { finalizeIfReady } from '../repo/finalize.ts';
import type { HandlerDeps } from './deps.ts';

/**
 * Stores one message atomically: skip it when its id was processed before, apply `write`, then run the
 * cross-article merge for the article if everything about it is now present. With a batcher this is one
 * savepoint of a group transaction, else a transaction of its own. Resolves after the commit, so the consume
 * loop acks only durable work.
 */
export async function storeMessage(
  deps: HandlerDeps,
  message: { id: string; type: string },
  articleId: string,
  write: (tx: Queryable, now: string) => Promise<unknown>,
): Promise<void> {
  const now = (deps.now?.() ?? new Date()).toISOString();
  const started = process.hrtime.bigint();
  const work = async (tx: Queryable) => {
    if (!(await markProcessed(tx, message.id, message.type, now))) return { stored: false, merged: false };
    await write(tx, now);
    const merged = await finalizeIfReady(tx, articleId, deps.settings, now);
    return { stored: true, merged };
  };
  const outcome = await (deps.batcher ? deps.batcher.run(work) : deps.db.transaction(work));
  deps.metrics?.transactionSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
  deps.metrics?.messages.inc({ type: message.type, outcome: outcome.stored ? 'stored' : 'duplicate' });
  if (outcome.merged) {
    deps.metrics?.articlesMerged.inc();
    deps.onStoryUpdates?.();
  }
  deps.log.debug({ id: message.id, type: message.type, ...outcome }, 'message stored');
}
