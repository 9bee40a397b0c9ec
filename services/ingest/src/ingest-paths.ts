import { realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Logger } from '@newsflow/shared';
import type { IngestLimits } from './config.ts';
import type { FileContext } from './files/context.ts';
import { processFile } from './files/process-file.ts';
import { type FileSummary, goneSummary } from './files/summary.ts';
import type { IngestMetrics } from './metrics.ts';
import type { ArticleSink } from './sink.ts';
import { createIgnore } from './watch/ignore.ts';
import { scanFiles } from './watch/scan.ts';

export interface IngestPathsDeps {
  sink: ArticleSink;
  limits: IngestLimits;
  log: Logger;
  metrics: IngestMetrics;
  now?: () => Date;
  /** How many article ids each file summary lists (default 1000). */
  listArticles?: number;
  /** Files processed at once (default 8). */
  concurrency?: number;
}

/** The outcome of a one-shot run. */
export interface IngestPathsResult {
  files: FileSummary[];
  /** Articles published as new messages. */
  published: number;
  duplicates: number;
  /** Files refused in whole or in part, and paths that do not exist. */
  rejectedFiles: number;
  /** True when nothing was refused: the CLI exits non-zero otherwise. */
  ok: boolean;
}

/**
 * Publishes files and folders once, without the watcher and without moving anything (`newsflow ingest PATH...`).
 * Folders are walked recursively with the inbox's rules (dotfiles and temp names skipped, symlinks inside them
 * refused); a path named explicitly may be a symlink. Rejections are published as for the watcher. Throws
 * PublishFailedError when the broker does not acknowledge (the CLI should exit with its "unreachable" code).
 */
export async function ingestPaths(
  paths: readonly string[],
  deps: IngestPathsDeps,
): Promise<IngestPathsResult> {
  const files: FileSummary[] = [];
  const base: Omit<FileContext, 'root'> = {
    origin: 'cli',
    limits: deps.limits,
    sink: deps.sink,
    mover: null,
    log: deps.log,
    metrics: deps.metrics,
    now: deps.now ?? (() => new Date()),
    listArticles: deps.listArticles ?? 1000,
  };
  // Files are processed `concurrency` at a time; summaries keep the order in which files were found.
  // A publish failure (broker unreachable) stops the run: it is thrown after the files in flight finish.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const schedule = async (job: () => Promise<FileSummary>) => {
    if (failure) return;
    const slot = files.length;
    files.push(goneSummary(''));
    const p: Promise<void> = job()
      .then(
        (summary) => {
          files[slot] = summary;
        },
        (err: unknown) => {
          failure ??= err;
        },
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= (deps.concurrency ?? 8)) await Promise.race(inFlight);
  };
  for (const given of paths) {
    const real = await realpath(given).catch(() => null);
    const st = real ? await stat(real).catch(() => null) : null;
    if (!real || !st) {
      files.push({
        ...goneSummary(given),
        status: 'rejected',
        rejections: [{ code: 'unreadable', message: 'no such file or directory' }],
        rejectedCount: 1,
      });
      continue;
    }
    if (!st.isDirectory()) {
      await schedule(() => processFile(real, given, { ...base, root: null }));
      continue;
    }
    for await (const file of scanFiles(real, createIgnore(real, []))) {
      const display = join(given, relative(real, file)).split(sep).join('/');
      await schedule(() => processFile(file, display, { ...base, root: real }));
    }
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  let published = 0;
  let duplicates = 0;
  for (const f of files) {
    duplicates += f.duplicateCount;
    published += f.articleCount - f.duplicateCount;
  }
  const rejectedFiles = files.filter((f) => f.status === 'rejected' || f.status === 'partial').length;
  return { files, published, duplicates, rejectedFiles, ok: rejectedFiles === 0 };
}
