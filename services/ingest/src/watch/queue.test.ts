import { describe, expect, it } from 'vitest';
import { createWorkQueue } from './queue.ts';

/** A promise with its resolve function, to hold a worker until the test lets it go. */
function gate() {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('createWorkQueue', () => {
  it('never runs more than `concurrency` workers and runs every key', async () => {
    let active = 0;
    let peak = 0;
    const done: string[] = [];
    const q = createWorkQueue({
      concurrency: 2,
      worker: async (key) => {
        active++;
        peak = Math.max(peak, active);
        await Promise.resolve();
        active--;
        done.push(key);
      },
      onError: () => {},
    });
    for (const k of ['a', 'b', 'c', 'd', 'e']) q.push(k);
    await q.idle();
    expect(peak).toBe(2);
    expect(done.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not queue a waiting key twice and re-runs a key pushed while it runs', async () => {
    const g = gate();
    const runs: string[] = [];
    const q = createWorkQueue({
      concurrency: 1,
      worker: async (key) => {
        runs.push(key);
        if (runs.length === 1) await g.promise;
      },
      onError: () => {},
    });
    q.push('a');
    q.push('a');
    q.push('b');
    q.push('b');
    expect(q.depth).toBe(2);
    g.open();
    await q.idle();
    expect([...runs].sort()).toEqual(['a', 'a', 'b']);
  });

  it('hands a key pushed while it runs to `rerun` after the run instead of queueing it', async () => {
    const g = gate();
    const runs: string[] = [];
    const reruns: string[] = [];
    const q = createWorkQueue({
      concurrency: 1,
      worker: async (key) => {
        runs.push(key);
        await g.promise;
      },
      onError: () => {},
      rerun: (key) => reruns.push(key),
    });
    q.push('a');
    q.push('a');
    expect(reruns).toEqual([]);
    g.open();
    await q.idle();
    expect(runs).toEqual(['a']);
    expect(reruns).toEqual(['a']);
  });

  it('reports worker errors and keeps going', async () => {
    const errors: string[] = [];
    const q = createWorkQueue({
      concurrency: 1,
      worker: async (key) => {
        if (key === 'bad') throw new Error('boom');
      },
      onError: (key) => errors.push(key),
    });
    q.push('bad');
    q.push('good');
    await q.idle();
    expect(errors).toEqual(['bad']);
  });

  it('close() waits for running work and drops waiting keys', async () => {
    const g = gate();
    const runs: string[] = [];
    const q = createWorkQueue({
      concurrency: 1,
      worker: async (key) => {
        runs.push(key);
        await g.promise;
      },
      onError: () => {},
    });
    q.push('a');
    q.push('b');
    const closed = q.close();
    g.open();
    await closed;
    expect(runs).toEqual(['a']);
  });
});
