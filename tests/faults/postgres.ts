import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBinDir, freePort, POSTGRES_INSTALL_HINT, waitForPort } from '@newsflow/shared/testing';

/** A throwaway PostgreSQL that a test can stop and start again on the same port and data directory. */
export interface RestartablePostgres {
  url: string;
  /** Fast shutdown (SIGINT): clients are disconnected, new connections are refused. */
  stop(): Promise<void>;
  /** Starts the server again; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and deletes its directory. */
  dispose(): Promise<void>;
}

/** As root, postgres refuses to run: run it as the `postgres` user through setpriv. */
function asPostgres(cmd: string, args: string[]): { file: string; args: string[] } {
  if (process.getuid?.() !== 0) return { file: cmd, args };
  const uid = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
  const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
  return {
    file: 'setpriv',
    args: [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', cmd, ...args],
  };
}

/** initdb in a temporary directory, then a server on a free loopback port (trust auth, fsync off). */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error(POSTGRES_INSTALL_HINT);
  const root = mkdtempSync(join(tmpdir(), 'newsflow-faults-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(root, uid, gid);
  }
  const data = join(root, 'data');
  const init = asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  execFileSync(init.file, init.args, { stdio: 'ignore' });
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log = '';

  async function start(): Promise<void> {
    const cmd = asPostgres(join(bin as string, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      root,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=100',
    ]);
    log = '';
    const proc = spawn(cmd.file, cmd.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr?.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
    });
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    await waitForPort(port, 30_000);
    const until = Date.now() + 30_000;
    while (!/ready to accept connections/.test(log)) {
      if (Date.now() > until) throw new Error(`postgres did not become ready: ${log}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function stop(): Promise<void> {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      await exited;
    }
  }

  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
