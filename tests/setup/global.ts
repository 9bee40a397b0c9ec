import type { TestProject } from 'vitest/node';
import { provideNats, providePostgres } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    natsUrl: string;
    /** A PostgreSQL server URL with rights to create databases (each test creates its own). */
    databaseUrl: string;
  }
}

/** Starts (or finds) the real servers integration tests talk to, once per run. */
export default async function setup(project: TestProject) {
  const nats = await provideNats();
  process.stdout.write(`integration: NATS at ${nats.url} (${nats.how})\n`);
  project.provide('natsUrl', nats.url);
  let postgres: Awaited<ReturnType<typeof providePostgres>>;
  try {
    postgres = await providePostgres();
  } catch (err) {
    await nats.stop();
    throw err;
  }
  process.stdout.write(`integration: PostgreSQL at ${postgres.url} (${postgres.how})\n`);
  project.provide('databaseUrl', postgres.url);
  return async () => {
    await postgres.stop();
    await nats.stop();
  };
}
