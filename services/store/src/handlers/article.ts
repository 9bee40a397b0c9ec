import type { ArticleRawV1, HandlerContext } from '@newsflow/shared';
import { insertArticle } from '../repo/articles.ts';
import { saveFeatures } from '../repo/features.ts';
import type { HandlerDeps } from './deps.ts';
import { storeMessage } from './run.ts';

/** Handles `news.articles.raw`: stores the article and its term features, then merges it if its extraction is in. */
export function createArticleHandler(deps: HandlerDeps) {
  return async (message: ArticleRawV1, _ctx?: HandlerContext): Promise<void> => {
    await storeMessage(deps, message, message.data.id, async (tx, now) => {
      if (await insertArticle(tx, message.data, now))
        await saveFeatures(tx, message.data.id, message.data.text);
    });
  };
}
