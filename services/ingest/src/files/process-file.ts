import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { type Rejection, reject } from '../errors.ts';
import type { BufferedFormat } from '../parse/formats.ts';
import { parseBuffered } from '../parse/index.ts';
import type { Outgoing } from '../sink.ts';
import { type FileContext, publishBatch } from './context.ts';
import { streamJsonlFile } from './jsonl-file.ts';
import { identityOf, type OpenedInput, openInput } from './open-input.ts';
import { type FileSummary, goneSummary, SummaryBuilder } from './summary.ts';

export type { FileContext, FileHooks } from './context.ts';

/**
 * Ingests one file: safety checks, parse, publish every article and await the acks, then move it to processed/
 * (or, when anything was refused, publish the rejections and move it to failed/ with `<name>.error.json`).
 * The file is moved only after JetStream acknowledged: a crash before the move leaves it in the inbox, and the
 * re-run publishes the same ids, which the ledger and the server's duplicate window absorb.
 * Throws PublishFailedError / MoveFailedError (retryable) and leaves the file in place.
 */
export async function processFile(path: string, display: string, ctx: FileContext): Promise<FileSummary> {
  const summary = new SummaryBuilder(ctx.listArticles ?? 0);
  const fingerprint = await lstat(path).then(identityOf, () => '');
  const opened = await openInput(path, ctx.root, ctx.limits);
  if (!opened.ok) {
    if ('gone' in opened) return goneSummary(display);
    summary.addRejection(opened.rejection);
    return finish(path, display, ctx, summary, { fileRejected: true, size: opened.size, fingerprint });
  }
  let fileRejected = false;
  try {
    fileRejected = await readAndPublish(opened.input, display, ctx, summary);
  } finally {
    await opened.input.handle.close();
  }
  await ctx.hooks?.afterPublish?.(path);
  return finish(path, display, ctx, summary, {
    fileRejected,
    size: opened.input.size,
    fingerprint: opened.input.identity,
  });
}

/** Refuses a file without reading it (the watcher's `unstable` verdict): rejection published, file to failed/. */
export async function rejectFile(
  path: string,
  display: string,
  rejection: Rejection,
  ctx: FileContext,
): Promise<FileSummary> {
  const summary = new SummaryBuilder(0);
  summary.addRejection(rejection);
  const st = await lstat(path).catch(() => undefined);
  if (!st) return goneSummary(display);
  return finish(path, display, ctx, summary, {
    fileRejected: true,
    size: st.size,
    fingerprint: identityOf(st),
    // Refused because it keeps changing: it may have grown again since, and is still the one to move, unless
    // another file was renamed over it.
    stillSame: (now) => now.ino === st.ino && now.dev === st.dev,
  });
}

/** Parses and publishes; returns true when the file as a whole was refused. */
async function readAndPublish(
  input: OpenedInput,
  display: string,
  ctx: FileContext,
  summary: SummaryBuilder,
): Promise<boolean> {
  if (input.format === 'jsonl') return streamJsonlFile(input, display, ctx, summary);
  const bytes = await input.handle.readFile();
  if (bytes.length > ctx.limits.maxFileBytes) {
    // It grew after the size check.
    summary.addRejection(
      reject('too_large', `${bytes.length} bytes; the limit for this type is ${ctx.limits.maxFileBytes}`),
    );
    return true;
  }
  const result = parseBuffered(bytes, input.format as BufferedFormat, {
    maxArticles: ctx.limits.maxArticlesPerFile,
  });
  if (!result.ok) {
    summary.addRejection(result.rejection);
    return true;
  }
  for (const r of result.itemRejections) summary.addRejection(r);
  const batch: Outgoing[] = result.articles.map((draft) => ({
    draft,
    origin: { kind: ctx.origin, path: display },
  }));
  await publishBatch(batch, ctx, summary);
  return false;
}

async function finish(
  path: string,
  display: string,
  ctx: FileContext,
  summary: SummaryBuilder,
  info: {
    fileRejected: boolean;
    size?: number | undefined;
    fingerprint: string;
    anyVersion?: boolean;
    /** Whether the file now at `path` is the one handled (default: same identity, size and mtime). */
    stillSame?: (now: Stats) => boolean;
  },
): Promise<FileSummary> {
  const status =
    info.fileRejected || summary.articleCount === 0
      ? 'rejected'
      : summary.rejectedCount > 0
        ? 'partial'
        : 'processed';
  const base = {
    path: display,
    status,
    articles: summary.articles,
    articleCount: summary.articleCount,
    duplicateCount: summary.duplicateCount,
    rejections: summary.rejections,
    rejectedCount: summary.rejectedCount,
  } as const;
  // The path may name another file by now (a writer renamed a new version over it after we read it): that one
  // has not been read, so it stays in the inbox for the next pass instead of being moved unread.
  const unchanged =
    info.anyVersion ||
    (await lstat(path).then(
      (st) => (info.stillSame ? info.stillSame(st) : identityOf(st) === info.fingerprint),
      () => false,
    ));
  if (!unchanged && ctx.mover && status === 'rejected' && summary.articleCount === 0) {
    // The version read was refused (often a copy caught half-written: empty or cut short), but another has
    // replaced it. That one is read on the next pass; a refusal of a version nobody will find in failed/ is not
    // reported, so a file that then goes through has no rejection message behind it.
    ctx.log.warn(
      { file: display },
      'file changed while being read; the new version is read on the next pass',
    );
    return goneSummary(display);
  }
  const mover = unchanged ? ctx.mover : null;
  if (!unchanged && ctx.mover)
    ctx.log.warn({ file: display }, 'file replaced while being read; left for the next pass');
  if (status === 'processed') {
    const movedTo = await mover?.toProcessed(path, display, ctx.now());
    ctx.metrics.filesDone.inc({ result: 'processed' });
    ctx.log.info({ file: display, articles: summary.articleCount, movedTo }, 'file ingested');
    return { ...base, ...(movedTo ? { movedTo } : {}) };
  }
  const rejections: Rejection[] =
    summary.rejections.length > 0 ? summary.rejections : [{ code: 'empty', message: 'no articles found' }];
  await ctx.sink.publishRejections(rejections, {
    input: display,
    origin: ctx.origin,
    ...(info.size !== undefined ? { byteSize: info.size } : {}),
    contentHash: createHash('sha256').update(info.fingerprint).digest('hex'),
  });
  const first = rejections[0] as Rejection;
  const movedTo = await mover?.toFailed(path, display, {
    file: display,
    failedAt: ctx.now().toISOString(),
    reason: first.code,
    message: first.message,
    ...(info.size !== undefined ? { byteSize: info.size } : {}),
    publishedArticles: summary.articleCount,
    rejections,
    rejectedCount: Math.max(summary.rejectedCount, rejections.length),
  });
  ctx.metrics.filesDone.inc({ result: 'failed' });
  return {
    ...base,
    rejections,
    rejectedCount: Math.max(summary.rejectedCount, 1),
    ...(movedTo ? { movedTo } : {}),
  };
}
