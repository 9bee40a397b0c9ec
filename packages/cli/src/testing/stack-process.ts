import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@newsflow/shared/testing';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** A running `newsflow start` child process: the whole local stack, as a user runs it. */
export interface StackProcess {
  dir: string;
  inbox: string;
  dataDir: string;
  apiUrl: string;
  ingestUrl: string;
  natsUrl: string;
  env: Record<string, string>;
  child: ChildProcess;
  output(): string;
  /** Ctrl-C equivalent (SIGINT); resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
  /** Peak resident memory (VmHWM, kB) per service process, read from /proc while they run. */
  peakMemoryKb(): Promise<Record<string, number>>;
  /** CPU time (user + system, ms) each service process has used so far, read from /proc. */
  cpuMs(): Record<string, number>;
}

/**
 * Runs `newsflow start` on free ports in a temporary folder, with its own nats-server (unless `env.NATS_URL`),
 * and resolves once it prints that it is running.
 */
export async function startStackProcess(
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<StackProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-stack-'));
  const ports = {
    nats: await freePort(),
    api: await freePort(),
    ingest: await freePort(),
    extract: await freePort(),
  };
  const fullEnv: Record<string, string> = {
    NEWSFLOW_DATA_DIR: join(dir, 'data'),
    NEWSFLOW_INBOX: join(dir, 'inbox'),
    NEWSFLOW_NATS_PORT: String(ports.nats),
    NEWSFLOW_API_PORT: String(ports.api),
    NEWSFLOW_INGEST_PORT: String(ports.ingest),
    NEWSFLOW_EXTRACT_PORT: String(ports.extract),
    LOG_LEVEL: 'warn',
    ...env,
  };
  // Without NATS_URL the stack starts its own nats-server; never inherit the caller's.
  const { NATS_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/newsflow.js'), 'start'], {
    cwd: ROOT,
    env: { ...inherited, ...fullEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`stack did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      if (out.includes('newsflow is running.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code} during start-up:\n${out}`));
    });
  });
  const natsUrl = env.NATS_URL || `nats://127.0.0.1:${ports.nats}`;
  return {
    dir,
    inbox: fullEnv.NEWSFLOW_INBOX as string,
    dataDir: fullEnv.NEWSFLOW_DATA_DIR as string,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    ingestUrl: `http://127.0.0.1:${ports.ingest}`,
    natsUrl,
    env: { ...fullEnv, NATS_URL: natsUrl, NEWSFLOW_API_URL: `http://127.0.0.1:${ports.api}` },
    child,
    output: () => out,
    async stop(stopTimeoutMs = 60_000) {
      if (child.exitCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const code = await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
    async peakMemoryKb() {
      return perService(child.pid as number, (pid) => {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return hwm === undefined ? undefined : Number(hwm);
      });
    },
    cpuMs() {
      return perService(child.pid as number, (pid) => {
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]);
        return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
      });
    },
  };
}

/** Linux's USER_HZ, which /proc reports CPU times in; 100 on every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A reading per service process (by name: ingest, extract, store, nats-server) under the stack's root process. */
function perService(root: number, read: (pid: number) => number | undefined): Record<string, number> {
  const result: Record<string, number> = {};
  for (const pid of descendants(root)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      const name =
        /services\/(\w+)\/src\/main/.exec(cmd)?.[1] ??
        (cmd.includes('nats-server') ? 'nats-server' : undefined);
      const value = name ? read(pid) : undefined;
      if (name && value !== undefined) result[name] = value;
    } catch {
      // the process ended between listing and reading
    }
  }
  return result;
}

/** Child pids of a process, recursively, from /proc. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}
