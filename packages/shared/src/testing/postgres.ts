import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from '../process/which.ts';
import { freePort, waitForPort } from './free-port.ts';

export const POSTGRES_INSTALL_HINT =
  'PostgreSQL server binaries (initdb, postgres) were not found. Install them (Debian/Ubuntu: ' +
  '`sudo apt-get install postgresql`; macOS: `brew install postgresql@16`), put their bin directory on PATH or ' +
  'set POSTGRES_BIN_DIR, or point NEWSFLOW_TEST_DATABASE_URL (or DATABASE_URL) at a server you can create ' +
  'databases on.';

/** A PostgreSQL server for tests: a connection URL with rights to create databases, and how to stop it. */
export interface LocalPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (or the URL from the environment). */
  url: string;
  how: 'environment' | 'local binary';
  /** Stops the server and deletes its data directory (nothing for a server from the environment). */
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres: POSTGRES_BIN_DIR, PATH, or the newest /usr/lib/postgresql/<v>/bin. */
export function findPostgresBinDir(): string | undefined {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const initdb = which('initdb', [...versions, '/usr/local/pgsql/bin', '/opt/homebrew/bin']);
  if (!initdb) return undefined;
  const dir = join(initdb, '..');
  return existsSync(join(dir, 'postgres')) ? dir : undefined;
}

/** As root, postgres refuses to run: commands run as the `postgres` user (or `nobody`) through setpriv/runuser. */
function unprivileged(): { prefix: string[]; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      // setpriv execs postgres itself, so signals reach it; runuser forks and would keep them.
      const setpriv = which('setpriv', ['/usr/bin', '/bin']);
      if (setpriv)
        return { prefix: [setpriv, `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'], uid, gid };
      const runuser = which('runuser', ['/usr/sbin', '/sbin']);
      if (runuser) return { prefix: [runuser, '-u', user, '--'], uid, gid };
    } catch {
      // no such user; try the next
    }
  }
  throw new Error(
    'running as root and found neither a postgres/nobody user nor runuser/setpriv to drop privileges',
  );
}

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

/**
 * A fresh cluster from the local binaries (initdb, trust auth, fsync off) on a free loopback port in a temporary
 * directory; the server can be stopped and started again (database-outage tests). Throws with install advice
 * when the binaries are missing.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error(POSTGRES_INSTALL_HINT);
  const drop = unprivileged();
  const root = mkdtempSync(join(tmpdir(), 'newsflow-pg-'));
  const data = join(root, 'data');
  if (drop) chownSync(root, drop.uid, drop.gid);
  const run = (cmd: string, args: string[]) => {
    const [file, ...rest] = drop ? [...drop.prefix, cmd, ...args] : [cmd, ...args];
    return { file: file as string, args: rest };
  };
  try {
    const init = run(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    execFileSync(init.file, init.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(err as { stderr?: Buffer }).stderr?.toString() ?? String(err)}`);
  }
  let port = 0;
  const server = () =>
    run(join(bin, 'postgres'), [
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
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ]);
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    const { file, args } = server();
    const proc = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    const ready = (async () => {
      await waitForPort(port, 30_000);
      const until = Date.now() + 30_000;
      while (!/ready to accept connections/.test(stderr)) {
        if (Date.now() > until) throw new Error(`postgres did not become ready: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const failed = exited.then(() => {
      throw new Error(`postgres exited during start-up: ${stderr}`);
    });
    try {
      await Promise.race([ready, failed]);
    } finally {
      failed.catch(() => undefined);
    }
  }

  async function stop(): Promise<void> {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // fast shutdown: disconnects clients, no checkpoint wait
      await exited;
    }
  }

  async function dispose(): Promise<void> {
    await stop();
    rmSync(root, { recursive: true, force: true });
  }

  // The free port picked can be taken by another process before the server binds it: try another.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (err) {
      child?.kill('SIGKILL');
      await exited;
      if (!/address already in use/i.test(String((err as Error).message)) || attempt >= 5) {
        rmSync(root, { recursive: true, force: true });
        throw err;
      }
    }
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop, start, dispose };
}

/**
 * A throwaway PostgreSQL for integration tests: the URL from NEWSFLOW_TEST_DATABASE_URL or DATABASE_URL when
 * set, else a fresh local cluster (`startRestartablePostgres`), stopped and deleted by `stop()`. Throws with
 * install advice when there is no PostgreSQL at all.
 */
export async function startPostgres(): Promise<LocalPostgres> {
  const fromEnv = process.env.NEWSFLOW_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, how: 'environment', stop: async () => {} };
  const pg = await startRestartablePostgres();
  return { url: pg.url, how: 'local binary', stop: () => pg.dispose() };
}
