import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNatsServer, NATS_INSTALL_HINT } from '../process/nats-binary.ts';
import { freePort, waitForPort } from './free-port.ts';

export { findNatsServer, NATS_INSTALL_HINT };

/** A nats-server child process with JetStream in a temporary store directory. */
export interface LocalNatsServer {
  url: string;
  port: number;
  storeDir: string;
  /** Sends a signal (SIGKILL for crash tests) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and store (after kill). */
  restart(): Promise<void>;
  /** Stops the server and deletes its store. */
  stop(): Promise<void>;
}

/** Free ports tried when the one picked is taken before nats-server binds it (another suite got it first). */
const PORT_ATTEMPTS = 5;

/**
 * Starts a throwaway nats-server on a free loopback port; throws with install advice when there is none. A free
 * port can be taken by another process between the pick and the bind: without a fixed `port`, start-up then
 * tries another (`ports` picks them; tests pass their own).
 */
export async function startNatsServer(
  opts: { storeDir?: string; port?: number; ports?: () => Promise<number> } = {},
): Promise<LocalNatsServer> {
  const bin = findNatsServer();
  if (!bin) throw new Error(NATS_INSTALL_HINT);
  const ownDir = !opts.storeDir;
  const storeDir = opts.storeDir ?? mkdtempSync(join(tmpdir(), 'newsflow-nats-'));
  let port = 0;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function launch(): Promise<void> {
    const proc = spawn(bin as string, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    const failed = exited.then(() => {
      throw new Error(`nats-server exited during start-up: ${stderr}`);
    });
    // Its own "ready" line, not only an open port: a port that answers may belong to another process.
    const ready = (async () => {
      const until = Date.now() + 15_000;
      while (!/Server is ready/.test(stderr)) {
        if (Date.now() > until || proc.exitCode !== null)
          throw new Error(`nats-server did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await waitForPort(port);
    })();
    try {
      await Promise.race([ready, failed]);
    } finally {
      failed.catch(() => undefined);
      ready.catch(() => undefined);
    }
  }

  for (let attempt = 1; ; attempt++) {
    port = opts.port ?? (await (opts.ports ?? freePort)());
    try {
      await launch();
      break;
    } catch (err) {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      const taken = /address already in use/i.test(String((err as Error).message));
      if (!taken || opts.port !== undefined || attempt >= PORT_ATTEMPTS) {
        if (ownDir) rmSync(storeDir, { recursive: true, force: true });
        throw err;
      }
    }
  }
  const server: LocalNatsServer = {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async kill(signal = 'SIGKILL') {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
    restart: launch,
    async stop() {
      await server.kill('SIGTERM');
      if (ownDir) rmSync(storeDir, { recursive: true, force: true });
    },
  };
  return server;
}
