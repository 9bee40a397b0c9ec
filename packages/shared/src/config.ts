import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { redactUrl } from './logger.ts';

/** Parses `env` with a zod object schema; on failure throws a ConfigError naming every bad variable. */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    const got = env[name];
    // Non-secret names can still carry credentials inside a URL (DATABASE_URL): those are masked.
    const shown =
      got === undefined ? 'unset' : isSecretName(name) ? 'a value (hidden)' : `'${redactUrl(got)}'`;
    return `  ${name}: ${issue.message} (got ${shown})`;
  });
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** Variable names whose values must never be printed. */
export function isSecretName(name: string): boolean {
  return /PASSWORD|TOKEN|SECRET|SEED|KEY$|CREDS/.test(name);
}

/** An integer from an environment string. */
export const intVar = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/** A duration such as `500ms`, `30s`, `15m`, `2h`, `7d`, returned in milliseconds. */
export const durationVar = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration like 500ms, 30s, 15m, 2h or 7d' });
        return z.NEVER;
      }
      return ms;
    });

/** A byte size such as `512`, `64KB`, `4MiB`, returned in bytes. */
export const bytesVar = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const n = parseBytes(v);
      if (n === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be a size like 1048576, 512KB or 4MiB' });
        return z.NEVER;
      }
      return n;
    });

/** `true/false/1/0/yes/no`. */
export const boolVar = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (DURATION_UNITS[m[2] as string] as number));
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1000,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

export function parseBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = BYTE_UNITS[(m[2] as string).toLowerCase()];
  return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}

/**
 * NATS and JetStream settings every service reads. Auth is optional; set at most one of user/password, token,
 * nkey seed or creds file. TLS applies when a CA or client certificate is given (or the URL is tls://).
 */
export const natsConfigSchema = z.object({
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().optional(),
  NATS_PASSWORD: z.string().optional(),
  NATS_TOKEN: z.string().optional(),
  NATS_NKEY_SEED: z.string().optional(),
  NATS_CREDS_FILE: z.string().optional(),
  NATS_TLS_CA: z.string().optional(),
  NATS_TLS_CERT: z.string().optional(),
  NATS_TLS_KEY: z.string().optional(),
  NEWSFLOW_NAMESPACE: z.string().default(''),
  NEWSFLOW_STREAM_REPLICAS: intVar(1, 1),
  NEWSFLOW_STREAM_MAX_AGE: durationVar('30d'),
  NEWSFLOW_DUPLICATE_WINDOW: durationVar('2h'),
  NEWSFLOW_MAX_MESSAGE_BYTES: bytesVar('1MiB'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type NatsConfig = z.infer<typeof natsConfigSchema>;
