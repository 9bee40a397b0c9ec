import { type Bus, createLogger, type Logger, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { z } from 'zod';

/** Everything a command may need from its environment, resolved once by main.ts. */
export interface CliContext {
  env: Record<string, string | undefined>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  isTTY: boolean;
  log: Logger;
  /** Connects to NATS (provisioning the streams); the caller closes the bus. */
  bus(): Promise<Bus>;
  /** Base URL of the store's query API. */
  apiUrl: string;
  apiToken: string | undefined;
}

export const cliConfigSchema = natsConfigSchema.extend({
  NEWSFLOW_API_URL: z.string().url().default('http://127.0.0.1:8080'),
  NEWSFLOW_API_TOKEN: z.string().optional(),
});

export function createContext(
  env: Record<string, string | undefined>,
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; isTTY: boolean },
): CliContext {
  const config = loadConfig(cliConfigSchema, env);
  // CLI logs go to stderr so stdout stays clean for data (JSONL, tables).
  const log = createLogger({
    name: 'newsflow',
    level: env.LOG_LEVEL ?? 'warn',
    destination: io.err,
    pretty: false,
  });
  return {
    env,
    ...io,
    log,
    bus: () => openBus(config, 'newsflow-cli', log),
    apiUrl: config.NEWSFLOW_API_URL,
    apiToken: config.NEWSFLOW_API_TOKEN,
  };
}
