import { type ChildProcess, spawn } from 'node:child_process';

/** A child process of the local stack. */
export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Spawns a child that shares our terminal; `exited` resolves with its exit code (null when killed). */
export function launch(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  return { name, child, exited };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function terminate(p: Managed, graceMs: number): Promise<'clean' | 'killed'> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return 'clean';
  p.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'killed'>((resolve) => {
    timer = setTimeout(() => resolve('killed'), graceMs);
  });
  const result = await Promise.race([p.exited.then(() => 'clean' as const), timedOut]);
  clearTimeout(timer);
  if (result === 'killed') {
    p.child.kill('SIGKILL');
    await p.exited;
  }
  return result;
}

/** Polls an HTTP URL until it answers 2xx, the process dies, or the deadline passes. */
export async function waitReady(url: string, p: Managed, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  let dead = false;
  void p.exited.then(() => {
    dead = true;
  });
  for (;;) {
    if (dead) throw new Error(`${p.name} exited during start-up (see its log above)`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until)
      throw new Error(`${p.name} did not become ready at ${url} within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
