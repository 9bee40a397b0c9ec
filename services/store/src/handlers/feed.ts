import type { AnyMessage, ArticleRawV1 } from '@newsflow/shared';
import { createArticleHandler } from './article.ts';
import type { HandlerDeps } from './deps.ts';
import { createExtractionHandler, type ExtractionMessage } from './extraction.ts';

/**
 * Feeds messages straight into the store's handlers, in the given order, without NATS: what the consumers do,
 * minus the broker. Used by scripts (evaluation, benchmark) and tests of merging.
 */
export function createFeeder(deps: HandlerDeps) {
  const article = createArticleHandler(deps);
  const extraction = createExtractionHandler(deps);
  return async (message: AnyMessage): Promise<void> => {
    if (message.type === 'news.article.raw.v1') return article(message as ArticleRawV1);
    if (
      message.type === 'news.entity.v1' ||
      message.type === 'news.event.v1' ||
      message.type === 'news.article.extracted.v1'
    ) {
      return extraction(message as ExtractionMessage);
    }
    throw new Error(`the store does not consume ${message.type}`);
  };
}
