import type { Logger } from '@newsflow/shared';
import type { IngestLimits } from '../config.ts';
import type { IngestMetrics } from '../metrics.ts';
import type { ArticleSink, Outgoing } from '../sink.ts';
import type { Mover } from './move.ts';
import type { SummaryBuilder } from './summary.ts';

/** Test seams: called at the riskiest moments so tests can simulate a crash there. */
export interface FileHooks {
  /** After every article of the file was acknowledged, before the file is moved. */
  afterPublish?(path: string): void | Promise<void>;
}

/** Everything processing one file needs; built once per watcher or CLI run. */
export interface FileContext {
  /** The inbox (symlink and escape checks apply), or null for CLI paths. */
  root: string | null;
  origin: 'file' | 'cli';
  limits: IngestLimits;
  sink: ArticleSink;
  /** Moves finished files (watcher); null leaves them where they are (CLI). */
  mover: Mover | null;
  log: Logger;
  metrics: IngestMetrics;
  now: () => Date;
  hooks?: FileHooks;
  /** How many article ids a summary lists (the CLI prints them; the watcher needs none). */
  listArticles?: number;
  /** Shutdown: long JSONL files stop between batches and stay in the inbox. */
  signal?: AbortSignal;
}

/** Publishes a batch and records the outcome of each article in the summary. */
export async function publishBatch(
  batch: Outgoing[],
  ctx: FileContext,
  summary: SummaryBuilder,
): Promise<void> {
  for (let i = 0; i < batch.length; i += ctx.limits.batchSize) {
    const slice = batch.slice(i, i + ctx.limits.batchSize);
    const results = await ctx.sink.publishArticles(slice);
    results.forEach((r, j) => {
      const line = slice[j]?.origin.line;
      if (r.ok)
        summary.addArticle({
          id: r.id,
          duplicate: r.duplicate,
          ...(r.title ? { title: r.title } : {}),
          ...(line ? { line } : {}),
        });
      else summary.addRejection(r.rejection);
    });
  }
}
