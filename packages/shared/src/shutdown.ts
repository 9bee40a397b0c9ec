import type { Logger } from 'pino';

type Step = { name: string; run: () => Promise<void> | void };

/**
 * Ordered shutdown: steps run in reverse order of registration (last created, first closed), each awaited,
 * the whole bounded by `timeoutMs`. Only main.ts wires it to signals.
 */
export function createShutdown(log: Logger, timeoutMs = 15_000) {
  const steps: Step[] = [];
  let running: Promise<boolean> | undefined;

  async function runAll(): Promise<boolean> {
    let clean = true;
    for (const step of [...steps].reverse()) {
      try {
        await step.run();
        log.debug({ step: step.name }, 'shutdown step done');
      } catch (err) {
        clean = false;
        log.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
    return clean;
  }

  return {
    /** Registers a close step; steps run last-in first-out. */
    add(name: string, run: () => Promise<void> | void): void {
      steps.push({ name, run });
    },
    /** Runs the steps once; resolves true when everything closed cleanly within the time limit. */
    run(reason: string): Promise<boolean> {
      if (running) return running;
      log.info({ reason }, 'shutting down');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => {
          log.error({ timeoutMs }, 'shutdown timed out');
          resolve(false);
        }, timeoutMs);
        timer.unref();
      });
      running = Promise.race([runAll(), timeout]).finally(() => clearTimeout(timer));
      return running;
    },
  };
}
export type Shutdown = ReturnType<typeof createShutdown>;
