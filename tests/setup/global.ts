import type { TestProject } from 'vitest/node';
import { provideNats } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    natsUrl: string;
  }
}

/** Starts (or finds) the real servers integration tests talk to, once per run. */
export default async function setup(project: TestProject) {
  const nats = await provideNats();
  process.stdout.write(`integration: NATS at ${nats.url} (${nats.how})\n`);
  project.provide('natsUrl', nats.url);
  return async () => {
    await nats.stop();
  };
}
