import type { Logger, Publisher } from '@newsflow/shared';
import { type ArticleOrigin, buildArticleMessage, wireSize } from './article.ts';
import { PublishFailedError, type Rejection, reject } from './errors.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
import type { IngestMetrics } from './metrics.ts';
import type { ArticleDraft } from './parse/types.ts';
import { buildRejectionMessage, type RejectedInput } from './rejection.ts';

/** A draft and where it came from, ready to publish. */
export interface Outgoing {
  draft: ArticleDraft;
  origin: ArticleOrigin;
}

/** What happened to one outgoing article. */
export type SinkResult =
  | { ok: true; id: string; title?: string; duplicate: boolean; seq?: number }
  | { ok: false; rejection: Rejection };

export interface ArticleSink {
  /** Checks what can be checked before publishing (the message size); null when the article can go. */
  check(item: Outgoing): Rejection | null;
  /**
   * Publishes articles concurrently and awaits every ack. An id the ledger already holds is answered as a
   * duplicate without publishing; JetStream's duplicate window catches the rest. Throws PublishFailedError when
   * any publish failed (the caller keeps the input and retries: ids make the retry harmless).
   */
  publishArticles(batch: readonly Outgoing[]): Promise<SinkResult[]>;
  /** Publishes `news.articles.rejected` messages for refused inputs; throws PublishFailedError on failure. */
  publishRejections(rejections: readonly Rejection[], what: RejectedInput): Promise<void>;
}

export interface SinkDeps {
  publisher: Publisher;
  ledger: Ledger;
  metrics: IngestMetrics;
  log: Logger;
  /** The stream's max message size: larger articles are refused as `too_large`. */
  maxMessageBytes: number;
  now: () => Date;
}

/** Builds the sink every entry point (watcher, HTTP, CLI) publishes through. */
export function createArticleSink(deps: SinkDeps): ArticleSink {
  const { publisher, ledger, metrics, log } = deps;

  function sizeRejection(size: number, origin: ArticleOrigin): Rejection | null {
    if (size <= deps.maxMessageBytes) return null;
    const rejection = reject(
      'too_large',
      `article message is ${size} bytes; the stream accepts ${deps.maxMessageBytes}`,
    );
    return origin.line ? { ...rejection, line: origin.line } : rejection;
  }

  async function publishOne(item: Outgoing, receivedAt: Date, entries: LedgerEntry[]): Promise<SinkResult> {
    const message = buildArticleMessage(item.draft, item.origin, receivedAt);
    const id = message.data.id;
    const title = message.data.title;
    const tooLarge = sizeRejection(wireSize(message), item.origin);
    if (tooLarge) return { ok: false, rejection: tooLarge };
    if (ledger.has(id)) {
      metrics.duplicates.inc({ origin: item.origin.kind, via: 'ledger' });
      return { ok: true, id, duplicate: true, ...(title ? { title } : {}) };
    }
    const stop = metrics.publishSeconds.startTimer();
    const ack = await publisher.publish(message);
    stop();
    if (ack.duplicate) metrics.duplicates.inc({ origin: item.origin.kind, via: 'jetstream' });
    else metrics.articlesPublished.inc({ origin: item.origin.kind });
    const from = item.origin.path ?? item.origin.kind;
    entries.push({
      id,
      contentHash: message.data.contentHash,
      seq: ack.seq,
      from: item.origin.line ? `${from}#${item.origin.line}` : from,
      at: receivedAt.toISOString(),
    });
    return { ok: true, id, duplicate: ack.duplicate, seq: ack.seq, ...(title ? { title } : {}) };
  }

  return {
    check(item) {
      return sizeRejection(wireSize(buildArticleMessage(item.draft, item.origin, deps.now())), item.origin);
    },
    async publishArticles(batch) {
      const receivedAt = deps.now();
      const entries: LedgerEntry[] = [];
      const settled = await Promise.allSettled(batch.map((item) => publishOne(item, receivedAt, entries)));
      // One append per batch; entries of acknowledged articles are kept even when another publish failed.
      await ledger.record(entries);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) {
        throw new PublishFailedError(`publish to JetStream failed: ${(failed.reason as Error).message}`, {
          cause: failed.reason,
        });
      }
      return settled.map((s) => (s as PromiseFulfilledResult<SinkResult>).value);
    },
    async publishRejections(rejections, what) {
      const now = deps.now();
      try {
        await publisher.publishAll(rejections.map((r) => buildRejectionMessage(r, what, now)));
      } catch (err) {
        throw new PublishFailedError(`publishing rejections failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      for (const r of rejections) metrics.rejections.inc({ reason: r.code, origin: what.origin });
      log.info(
        { input: what.input, reasons: [...new Set(rejections.map((r) => r.code))], count: rejections.length },
        'input rejected',
      );
    },
  };
}
