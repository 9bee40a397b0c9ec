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

/** Starts a throwaway nats-server on a free loopback port; throws with install advice when there is none. */
export async function startNatsServer(
  opts: { storeDir?: string; port?: number } = {},
): Promise<LocalNatsServer> {
  const bin = findNatsServer();
  if (!bin) throw new Error(NATS_INSTALL_HINT);
  const port = opts.port ?? (await freePort());
  const ownDir = !opts.storeDir;
  const storeDir = opts.storeDir ?? mkdtempSync(join(tmpdir(), 'newsflow-nats-'));
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
    await Promise.race([waitForPort(port), failed]);
    failed.catch(() => undefined);
  }

  await launch();
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
