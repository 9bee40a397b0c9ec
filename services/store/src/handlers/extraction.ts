import type { ArticleExtractedV1, EntityV1, EventV1, HandlerContext } from '@newsflow/shared';
import { storeEntity } from '../repo/entities.ts';
import { storeEvent } from '../repo/events.ts';
import { storeCompletion } from '../repo/extractions.ts';
import type { HandlerDeps } from './deps.ts';
import { storeMessage } from './run.ts';

/** The message types on the NEWS_EXTRACTIONS stream. */
export const EXTRACTION_TYPES = ['news.entity.v1', 'news.event.v1', 'news.article.extracted.v1'] as const;
export type ExtractionMessage = EntityV1 | EventV1 | ArticleExtractedV1;

/**
 * Handles the extraction stream: entities (stored and resolved to canonical entities on arrival), events
 * (stored; merged into canonical events once the article is complete) and completion markers.
 */
export function createExtractionHandler(deps: HandlerDeps) {
  return async (message: ExtractionMessage, _ctx?: HandlerContext): Promise<void> => {
    switch (message.type) {
      case 'news.entity.v1':
        return storeMessage(deps, message, message.data.articleId, (tx, now) =>
          storeEntity(tx, message.data, now),
        );
      case 'news.event.v1':
        return storeMessage(deps, message, message.data.articleId, (tx, now) =>
          storeEvent(tx, message.data, now),
        );
      case 'news.article.extracted.v1':
        return storeMessage(deps, message, message.data.articleId, (tx, now) =>
          storeCompletion(tx, message.data, now),
        );
    }
  };
}
