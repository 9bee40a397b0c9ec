import { resolve } from 'node:path';
import { intVar, loadConfig } from '@newsflow/shared';
import { z } from 'zod';

/** Settings of `newsflow start`, from the environment (the services read the same variables). */
export const stackConfigSchema = z.object({
  NATS_URL: z.string().optional(),
  NEWSFLOW_NATS_PORT: intVar(4222, 1),
  NEWSFLOW_DATA_DIR: z.string().default('./data'),
  NEWSFLOW_INBOX: z.string().default('./inbox'),
  NEWSFLOW_INGEST_PORT: intVar(8081, 1),
  NEWSFLOW_EXTRACT_PORT: intVar(8082, 1),
  NEWSFLOW_API_PORT: intVar(8080, 1),
  NEWSFLOW_STARTUP_TIMEOUT_MS: intVar(120_000, 1000),
});

export interface ServicePlan {
  name: 'ingest' | 'extract' | 'store';
  main: string;
  readyUrl: string;
}

/** What `start` will run, resolved against the repository root; pure, so tests can check it. */
export function planStack(env: Record<string, string | undefined>, root: string) {
  const c = loadConfig(stackConfigSchema, env);
  const dataDir = resolve(root, c.NEWSFLOW_DATA_DIR);
  const services: ServicePlan[] = [
    // Store first so nothing waits on a missing consumer; ingest last so inputs flow only when all are up.
    {
      name: 'store',
      main: resolve(root, 'services/store/src/main.ts'),
      readyUrl: `http://127.0.0.1:${c.NEWSFLOW_API_PORT}/readyz`,
    },
    {
      name: 'extract',
      main: resolve(root, 'services/extract/src/main.ts'),
      readyUrl: `http://127.0.0.1:${c.NEWSFLOW_EXTRACT_PORT}/readyz`,
    },
    {
      name: 'ingest',
      main: resolve(root, 'services/ingest/src/main.ts'),
      readyUrl: `http://127.0.0.1:${c.NEWSFLOW_INGEST_PORT}/readyz`,
    },
  ];
  return {
    startNats: c.NATS_URL === undefined,
    natsUrl: c.NATS_URL ?? `nats://127.0.0.1:${c.NEWSFLOW_NATS_PORT}`,
    natsPort: c.NEWSFLOW_NATS_PORT,
    natsStoreDir: resolve(dataDir, 'nats'),
    dataDir,
    inbox: resolve(root, c.NEWSFLOW_INBOX),
    apiUrl: `http://127.0.0.1:${c.NEWSFLOW_API_PORT}`,
    ingestUrl: `http://127.0.0.1:${c.NEWSFLOW_INGEST_PORT}`,
    startupTimeoutMs: c.NEWSFLOW_STARTUP_TIMEOUT_MS,
    services,
    env: {
      NEWSFLOW_DATA_DIR: dataDir,
      NEWSFLOW_INBOX: resolve(root, c.NEWSFLOW_INBOX),
      NEWSFLOW_API_PORT: String(c.NEWSFLOW_API_PORT),
      NEWSFLOW_INGEST_PORT: String(c.NEWSFLOW_INGEST_PORT),
      NEWSFLOW_EXTRACT_PORT: String(c.NEWSFLOW_EXTRACT_PORT),
    },
  };
}
export type StackPlan = ReturnType<typeof planStack>;
