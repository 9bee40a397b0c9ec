import { existsSync } from 'node:fs';
import { findNatsServer, NATS_INSTALL_HINT, startNatsServer, startPostgres } from '@newsflow/shared/testing';

/** A NATS server for the test run and how to stop it. */
export interface ProvidedServer {
  url: string;
  how: 'environment' | 'testcontainers' | 'local binary';
  stop(): Promise<void>;
}

/** True when a Docker engine is likely to answer (socket or DOCKER_HOST); testcontainers confirms. */
function dockerLikely(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

/**
 * Finds NATS for integration tests, in order: NATS_URL from the environment; a container when a Docker engine
 * answers; a local nats-server binary on a free port. Fails loudly, never skips.
 */
export async function provideNats(): Promise<ProvidedServer> {
  const fromEnv = process.env.NEWSFLOW_TEST_NATS_URL ?? process.env.NATS_URL;
  if (fromEnv) return { url: fromEnv, how: 'environment', stop: async () => {} };
  if (dockerLikely()) {
    try {
      const { GenericContainer, Wait } = await import('testcontainers');
      const container = await new GenericContainer('nats:2.12-alpine')
        .withCommand(['-js'])
        .withExposedPorts(4222)
        .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
        .start();
      return {
        url: `nats://${container.getHost()}:${container.getMappedPort(4222)}`,
        how: 'testcontainers',
        stop: async () => {
          await container.stop();
        },
      };
    } catch (err) {
      if (!findNatsServer())
        throw new Error(`Docker did not answer (${(err as Error).message}); ${NATS_INSTALL_HINT}`);
    }
  }
  const server = await startNatsServer();
  return { url: server.url, how: 'local binary', stop: () => server.stop() };
}

/**
 * Finds PostgreSQL for integration tests: NEWSFLOW_TEST_DATABASE_URL or DATABASE_URL from the environment, else
 * a throwaway cluster from the local binaries (initdb/postgres) on a free port. Fails loudly, never skips.
 */
export async function providePostgres(): Promise<{ url: string; how: string; stop(): Promise<void> }> {
  return startPostgres();
}
