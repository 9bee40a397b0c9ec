import {
  type ArticleRawV1,
  type Logger,
  PermanentError,
  type Publisher,
  RetryableError,
} from '@newsflow/shared';
import type { Extractor } from './engine/index.ts';
import type { ExtractMetrics } from './metrics.ts';
import { type Stamp, toMessages } from './to-messages.ts';

export interface ArticleHandlerDeps {
  extractor: Extractor;
  publisher: Publisher;
  stamp: Stamp;
  log: Logger;
  metrics?: ExtractMetrics;
  /** Clock for durations (injected so tests are deterministic). */
  now?: () => number;
}

/**
 * Handles one raw article: extract, publish every entity and event concurrently and await all acks, then publish
 * the completion marker. Only then does the consume loop ack the article, so a crash anywhere redelivers it and
 * the deterministic ids make the second round harmless.
 */
export function createArticleHandler(deps: ArticleHandlerDeps) {
  const now = deps.now ?? (() => performance.now());
  return async (message: ArticleRawV1): Promise<void> => {
    const article = message.data;
    const started = now();
    let extraction: ReturnType<Extractor['extract']>;
    try {
      extraction = deps.extractor.extract({
        id: article.id,
        text: article.text,
        ...(article.title ? { title: article.title } : {}),
        ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      });
    } catch (err) {
      // The engine is deterministic: what fails once fails every time, so retrying would only delay the DLQ.
      throw new PermanentError(`extraction failed: ${(err as Error).message}`, { cause: err });
    }
    const duration = now() - started;
    const out = toMessages(article, extraction, deps.stamp, duration);
    try {
      await deps.publisher.publishAll(out.all);
      await deps.publisher.publish(out.completion);
    } catch (err) {
      throw new RetryableError(
        `publishing the extraction of ${article.id} failed: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    deps.metrics?.observe(duration / 1000, out.entities.length, out.events.length);
    deps.log.debug(
      {
        articleId: article.id,
        entities: out.entities.length,
        events: out.events.length,
        ms: Math.round(duration),
      },
      'article extracted',
    );
  };
}
