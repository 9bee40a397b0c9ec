import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The services a fault test can run, each as its own `node services/<name>/src/main.ts` child. */
export type ServiceKind = 'ingest' | 'extract' | 'store';

/** One service process that a test can kill, restart, pause and resume. */
export interface ServiceProcess {
  readonly name: string;
  readonly kind: ServiceKind;
  /** Base URL of its HTTP port (ingest API, store API, extract health/metrics). */
  readonly url: string;
  /** Pid of the running process (undefined while stopped). */
  pid(): number | undefined;
  /** Spawns the process and resolves once `/readyz` answers 200. */
  start(extraEnv?: Record<string, string>): Promise<void>;
  /** Sends `signal` and resolves with how the process ended (`{ code, signal }`). */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill(signal) followed by start(). */
  restart(signal?: NodeJS.Signals): Promise<void>;
  /** SIGSTOP: the process keeps its sockets but runs no code (a stalled consumer). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Resident memory in kB (VmRSS from /proc), or undefined when not running. */
  rssKb(): number | undefined;
  /** The last 16 KB of its stderr/stdout (for failure messages). */
  log(): string;
  running(): boolean;
}

/**
 * Defines a service process with a fixed environment; nothing runs until `start()`. `port` is the HTTP port the
 * environment gives it (used for the readiness probe).
 */
export function serviceProcess(
  kind: ServiceKind,
  name: string,
  env: Record<string, string>,
  port: number,
): ServiceProcess {
  const main = join(ROOT, 'services', kind, 'src', 'main.ts');
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });
  let out = '';
  const alive = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  async function start(extraEnv: Record<string, string> = {}): Promise<void> {
    if (alive()) throw new Error(`${name} is already running`);
    const proc = spawn(process.execPath, ['--no-warnings', main], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      out = (out + d.toString()).slice(-16_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    child = proc;
    const until = Date.now() + 60_000;
    for (;;) {
      if (!alive()) throw new Error(`${name} exited during start-up:\n${out}`);
      const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > until) throw new Error(`${name} not ready within 60 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL') {
    if (!alive()) return exited;
    // A stopped process only acts on SIGKILL; let it see other signals.
    if (signal !== 'SIGKILL') child?.kill('SIGCONT');
    child?.kill(signal);
    return exited;
  }

  return {
    name,
    kind,
    url,
    pid: () => (alive() ? child?.pid : undefined),
    start,
    kill,
    async restart(signal: NodeJS.Signals = 'SIGKILL') {
      await kill(signal);
      await start();
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    rssKb() {
      const pid = alive() ? child?.pid : undefined;
      if (!pid) return undefined;
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) : undefined;
      } catch {
        return undefined;
      }
    },
    log: () => out,
    running: alive,
  };
}
