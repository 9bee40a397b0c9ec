import { relative, sep } from 'node:path';
import type { Logger } from '@newsflow/shared';
import { reject } from '../errors.ts';
import type { FileContext } from '../files/context.ts';
import { processFile, rejectFile } from '../files/process-file.ts';
import type { FileSummary } from '../files/summary.ts';
import { type DirectoryEvents, watchDirectory } from './fs-events.ts';
import { createIgnore } from './ignore.ts';
import { createWorkQueue } from './queue.ts';
import { scanFiles } from './scan.ts';
import { waitForStable } from './stability.ts';

export interface WatcherOptions {
  inbox: string;
  /** Output folders to leave alone when they are inside the inbox. */
  reserved: string[];
  stableForMs: number;
  stableTimeoutMs: number;
  rescanMs: number;
  concurrency: number;
  /** First retry delay after a retryable failure (doubles, at most a minute). */
  retryMs?: number;
  context: FileContext;
  log: Logger;
  /** Called after each file is done (tests wait on it; metrics are counted in processFile). */
  onFile?: (summary: FileSummary) => void;
}

export interface InboxWatcher {
  /** Scans what is already there, starts watching, resolves when both are set up. */
  start(): Promise<void>;
  /** Stops watching and finishes the files in progress. */
  stop(): Promise<void>;
  readonly ready: boolean;
  /** Resolves when no file is settling, waiting or in progress (tests). */
  idle(): Promise<void>;
}

/**
 * Watches the inbox: files present at start-up and files that appear later (node:fs.watch events plus a
 * periodic rescan, which also catches dropped events and files left behind by a failed publish). Each file is read only once its size has
 * been stable for `stableForMs`; one still changing after `stableTimeoutMs` is refused as `unstable`.
 */
export function createInboxWatcher(options: WatcherOptions): InboxWatcher {
  const { inbox, context, log } = options;
  const ignore = createIgnore(inbox, options.reserved);
  const aborter = new AbortController();
  const retries = new Map<string, { attempts: number; timer: NodeJS.Timeout }>();
  let events: DirectoryEvents | undefined;
  let rescanTimer: NodeJS.Timeout | undefined;
  let ready = false;
  const display = (path: string) => relative(inbox, path).split(sep).join('/');

  /** Paths waiting for their size to settle; outside the worker pool, so waiting never blocks reading. */
  const settling = new Set<string>();
  /** Paths the stability check gave up on, to be refused by the worker. */
  const unstable = new Set<string>();

  function offer(path: string): void {
    if (settling.has(path) || aborter.signal.aborted) return;
    settling.add(path);
    context.metrics.filesSeen.inc();
    waitForStable(path, {
      stableForMs: options.stableForMs,
      timeoutMs: options.stableTimeoutMs,
      signal: aborter.signal,
    })
      .then((verdict) => {
        settling.delete(path);
        if (verdict === 'timeout') unstable.add(path);
        if (verdict === 'stable' || verdict === 'timeout') queue.push(path);
      })
      .catch((err: unknown) => {
        settling.delete(path);
        log.error({ err, file: display(path) }, 'stability check failed');
      });
  }

  async function work(path: string): Promise<void> {
    const summary = unstable.delete(path)
      ? await rejectFile(
          path,
          display(path),
          reject(
            'unstable',
            `still changing after ${options.stableTimeoutMs} ms; write to a temporary name and rename when complete`,
          ),
          context,
        )
      : await processFile(path, display(path), { ...context, signal: aborter.signal });
    const pending = retries.get(path);
    if (pending) clearTimeout(pending.timer);
    retries.delete(path);
    if (summary.status !== 'gone') options.onFile?.(summary);
  }

  function scheduleRetry(path: string, err: unknown): void {
    if (aborter.signal.aborted) {
      log.info({ file: display(path), reason: (err as Error).message }, 'left in the inbox at shutdown');
      return;
    }
    const attempts = (retries.get(path)?.attempts ?? 0) + 1;
    const delayMs = Math.min((options.retryMs ?? 1000) * 2 ** (attempts - 1), 60_000);
    log.warn({ err, file: display(path), attempts, retryInMs: delayMs }, 'file not finished; will retry');
    const timer = setTimeout(() => offer(path), delayMs);
    timer.unref();
    retries.set(path, { attempts, timer });
  }

  const queue = createWorkQueue({
    concurrency: options.concurrency,
    worker: work,
    onError: scheduleRetry,
    onDepth: (d) => context.metrics.queueDepth.set(d),
    // A path that changed while it was read is checked again, not read again at once: its old version has been
    // moved, and the file there now may be a new one still being written in place. Its check judged the old one.
    rerun: (path) => {
      unstable.delete(path);
      offer(path);
    },
  });

  async function rescan(): Promise<void> {
    for await (const path of scanFiles(inbox, ignore)) if (!retries.has(path)) offer(path);
  }

  return {
    async start() {
      events = watchDirectory(inbox, ignore, offer, (err) => log.error({ err }, 'watcher error'));
      await rescan();
      rescanTimer = setInterval(() => {
        rescan().catch((err: unknown) => log.error({ err }, 'rescan failed'));
      }, options.rescanMs);
      rescanTimer.unref();
      ready = true;
      log.info({ inbox }, 'watching inbox');
    },
    async stop() {
      ready = false;
      if (rescanTimer) clearInterval(rescanTimer);
      for (const r of retries.values()) clearTimeout(r.timer);
      retries.clear();
      events?.close();
      aborter.abort();
      await queue.close();
    },
    get ready() {
      return ready;
    },
    async idle() {
      while (settling.size > 0 || queue.depth > 0) {
        await queue.idle();
        if (settling.size > 0) await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
