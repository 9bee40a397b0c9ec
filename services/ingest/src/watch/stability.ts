import { lstat } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

export interface StabilityOptions {
  /** Size and mtime must stay unchanged this long. */
  stableForMs: number;
  /** Give up (the file is still being written) after this long. */
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
}

export type Stability = 'stable' | 'gone' | 'timeout' | 'aborted';

/**
 * Waits until a file has stopped changing: its size and mtime unchanged for `stableForMs` (a file last modified
 * longer ago than that is stable at once, as after a writer's rename). Uses lstat, so a symlink is judged by
 * itself and never followed.
 */
export async function waitForStable(path: string, options: StabilityOptions): Promise<Stability> {
  const now = options.now ?? Date.now;
  const started = now();
  const poll = Math.max(10, Math.min(250, Math.floor(options.stableForMs / 4)));
  let last = '';
  let lastChange = started;
  for (;;) {
    if (options.signal?.aborted) return 'aborted';
    let st: Awaited<ReturnType<typeof lstat>>;
    try {
      st = await lstat(path);
    } catch {
      return 'gone';
    }
    const t = now();
    const key = `${st.size}:${st.mtimeMs}`;
    if (last === '') {
      // First look: credit the time since the last modification (a file finished earlier is stable now).
      lastChange = Math.min(t, Math.max(st.mtimeMs, t - options.stableForMs));
    } else if (key !== last) {
      lastChange = t;
    }
    last = key;
    if (t - lastChange >= options.stableForMs) return 'stable';
    if (t - started >= options.timeoutMs) return 'timeout';
    try {
      await delay(poll, undefined, options.signal ? { signal: options.signal } : {});
    } catch {
      return 'aborted';
    }
  }
}
