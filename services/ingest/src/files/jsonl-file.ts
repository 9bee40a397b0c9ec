import { ShutdownError } from '../errors.ts';
import { parseJsonl } from '../parse/jsonl.ts';
import type { Outgoing } from '../sink.ts';
import { type FileContext, publishBatch } from './context.ts';
import type { OpenedInput } from './open-input.ts';
import type { SummaryBuilder } from './summary.ts';

/**
 * Streams a JSONL file through the sink in batches of `limits.batchSize` (acks awaited per batch), logging
 * progress every `limits.progressEvery` lines. Memory is bounded by one batch plus one line. Returns true when
 * the file as a whole was refused (binary, UTF-16, too many articles); lines already published stay published.
 */
export async function streamJsonlFile(
  input: OpenedInput,
  display: string,
  ctx: FileContext,
  summary: SummaryBuilder,
): Promise<boolean> {
  const log = ctx.log.child({ file: display });
  const stream = input.handle.createReadStream({ highWaterMark: 256 * 1024, autoClose: false, start: 0 });
  const started = Date.now();
  let batch: Outgoing[] = [];
  let lines = 0;
  let nextProgress = ctx.limits.progressEvery;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await publishBatch(current, ctx, summary);
  };
  try {
    for await (const item of parseJsonl(stream, {
      maxLineBytes: ctx.limits.maxLineBytes,
      maxArticles: ctx.limits.maxArticlesPerFile,
    })) {
      if ('fatal' in item) {
        await flush();
        summary.addRejection(item.fatal);
        return true;
      }
      lines = item.line;
      if (item.result.ok)
        batch.push({
          draft: item.result.article,
          origin: { kind: ctx.origin, path: display, line: item.line },
        });
      else summary.addRejection(item.result.rejection);
      if (batch.length >= ctx.limits.batchSize) {
        await flush();
        if (ctx.signal?.aborted)
          throw new ShutdownError(`stopped at line ${lines}; the file stays in the inbox`);
      }
      if (lines >= nextProgress) {
        nextProgress += ctx.limits.progressEvery;
        const seconds = (Date.now() - started) / 1000;
        log.info(
          {
            lines,
            articles: summary.articleCount,
            rejected: summary.rejectedCount,
            perSecond: Math.round(lines / seconds),
          },
          'JSONL progress',
        );
      }
    }
    await flush();
  } finally {
    stream.destroy();
  }
  log.info(
    {
      lines,
      articles: summary.articleCount,
      rejected: summary.rejectedCount,
      seconds: (Date.now() - started) / 1000,
    },
    'JSONL file read',
  );
  return false;
}
