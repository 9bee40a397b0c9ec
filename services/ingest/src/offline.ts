import type { ArticleData, Logger } from '@newsflow/shared';
import { buildArticleMessage } from './article.ts';
import { defaultLimits, type IngestLimits } from './config.ts';
import { type IngestPathsResult, ingestPaths } from './ingest-paths.ts';
import { createMetrics } from './metrics.ts';
import type { ArticleSink } from './sink.ts';

/**
 * Parses files and folders exactly as ingest does, but hands each article to `onArticle` instead of publishing
 * it: `newsflow extract` and the benchmarks use it, so offline results match what the pipeline would see.
 */
export async function parseOffline(
  paths: readonly string[],
  onArticle: (article: ArticleData) => void,
  deps: { log: Logger; limits?: IngestLimits; now?: () => Date },
): Promise<IngestPathsResult> {
  const now = deps.now ?? (() => new Date());
  const sink: ArticleSink = {
    check: () => null,
    async publishArticles(batch) {
      return batch.map((item) => {
        const m = buildArticleMessage(item.draft, item.origin, now());
        onArticle(m.data);
        return {
          ok: true as const,
          id: m.data.id,
          duplicate: false,
          ...(m.data.title ? { title: m.data.title } : {}),
        };
      });
    },
    async publishRejections() {},
  };
  return ingestPaths(paths, {
    sink,
    limits: deps.limits ?? defaultLimits(),
    log: deps.log,
    metrics: createMetrics({ defaults: false }),
    now,
    // One file at a time, so articles come out in file order (deterministic offline output).
    concurrency: 1,
  });
}
