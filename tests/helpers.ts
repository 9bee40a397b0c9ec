import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type Bus, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { silentLogger, uniqueNamespace } from '@newsflow/shared/testing';

export const ROOT = join(import.meta.dirname, '..');
export const silentLog = silentLogger();

/** A bus on its own namespace; `env` is what a child process needs to see the same streams. */
export async function testBus(natsUrl: string, namespace = uniqueNamespace()) {
  const env = { NATS_URL: natsUrl, NEWSFLOW_NAMESPACE: namespace };
  const bus: Bus = await openBus(loadConfig(natsConfigSchema, env), 'test', silentLog);
  return {
    bus,
    env,
    async dispose() {
      for (const s of Object.values(bus.catalogue.streams))
        await bus.jsm.streams.delete(s.name).catch(() => undefined);
      await bus.close();
    },
  };
}

/** Runs the real `newsflow` CLI (on this Node) and collects its output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  opts: { timeoutMs?: number; stdin?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/newsflow.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`newsflow ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
