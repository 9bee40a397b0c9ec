/** A de-duplicating work queue over string keys with bounded concurrency. */
export interface WorkQueue {
  /**
   * Adds a key; a key already waiting is not added twice, one being worked on runs again afterwards (or is handed
   * to `rerun`).
   */
  push(key: string): void;
  /** Keys waiting or in progress. */
  readonly depth: number;
  /** Resolves when nothing is waiting or in progress. */
  idle(): Promise<void>;
  /** Stops taking keys (waiting ones are dropped) and resolves when the running ones are done. */
  close(): Promise<void>;
}

/** Creates a {@link WorkQueue}; `worker` errors are passed to `onError`, never thrown. */
export function createWorkQueue(options: {
  concurrency: number;
  worker: (key: string) => Promise<void>;
  onError: (key: string, err: unknown) => void;
  onDepth?: (depth: number) => void;
  /**
   * Receives a key pushed while it was being worked on, once that run is over, instead of the key being queued
   * again: the caller may want to look at it afresh first (the watcher checks the file's stability again).
   */
  rerun?: (key: string) => void;
}): WorkQueue {
  const waiting = new Set<string>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const report = () => {
    options.onDepth?.(waiting.size + running.size);
    if (waiting.size === 0 && running.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  const pump = () => {
    while (!closed && running.size < options.concurrency && waiting.size > 0) {
      const key = waiting.values().next().value as string;
      waiting.delete(key);
      const task = options
        .worker(key)
        .catch((err: unknown) => options.onError(key, err))
        .finally(() => {
          running.delete(key);
          if (again.delete(key) && !closed) {
            if (options.rerun) options.rerun(key);
            else waiting.add(key);
          }
          pump();
          report();
        });
      running.set(key, task);
    }
    report();
  };

  return {
    push(key) {
      if (closed) return;
      if (running.has(key)) again.add(key);
      else waiting.add(key);
      pump();
    },
    get depth() {
      return waiting.size + running.size;
    },
    idle() {
      if (waiting.size === 0 && running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      waiting.clear();
      again.clear();
      await Promise.all(running.values());
      report();
    },
  };
}
