import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Keys whose whole value is secret: replaced by `[redacted]`. */
const SECRET_KEYS = [
  'password',
  'pass',
  'token',
  'apiToken',
  'secret',
  'seed',
  'authorization',
  'NATS_PASSWORD',
  'NATS_TOKEN',
  'NATS_NKEY_SEED',
  'NEWSFLOW_API_TOKEN',
];

/** Keys holding connection strings: logged with credentials masked, so the host stays visible. */
const URL_KEYS = new Set(['DATABASE_URL', 'NATS_URL', 'databaseUrl', 'url']);

/** Header names whose values are credentials (Node lower-cases incoming headers; fetch callers may not). */
const SECRET_HEADERS = ['authorization', 'Authorization', 'cookie', 'set-cookie', 'proxy-authorization'];

/**
 * Paths pino redacts wherever they appear in a log object: each secret or URL key at the top level and up to two
 * levels deep (`{ config: { NATS_PASSWORD } }`, `{ svc: { config: { ... } } }`), and credential headers under any
 * `headers` object up to two levels deep. pino has no recursive wildcard, so anything deeper is not covered: log
 * named fields, not whole nested structures.
 */
export const REDACT_PATHS = [
  ...[...SECRET_KEYS, ...URL_KEYS].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  ...SECRET_HEADERS.flatMap((h) => [`headers["${h}"]`, `*.headers["${h}"]`, `*.*.headers["${h}"]`]),
];

const CENSOR = '[redacted]';

/**
 * Masks credentials inside connection strings and URLs, keeping scheme, user, host, port and path:
 * `postgres://app:s3cret@db:5432/news` -> `postgres://app:***@db:5432/news`. Also masks `password=`, `token=`,
 * `secret=` style parameters (query strings and libpq `key=value` strings). Works on comma-separated lists.
 */
export function redactUrl(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^:@/\s,]*):[^\s/]*@/gi, '$1:***@')
    .replace(
      /(^|[?&;\s])((?:ssl)?password|pass|pwd|token|access_token|secret|apikey|api_key)=[^&;\s]*/gi,
      '$1$2=***',
    );
}

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1];
  if (key !== undefined && URL_KEYS.has(key) && typeof value === 'string') return redactUrl(value);
  return CENSOR;
}

export interface LoggerOptions {
  name: string;
  level?: string;
  /** Pretty, coloured output; default: only when stdout is a terminal. */
  pretty?: boolean;
  /** Where to write (tests pass a stream to read the lines back). */
  destination?: NodeJS.WritableStream;
}

/** The root logger of a process; components take `log.child({ component })`. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    name: options.name,
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor },
  };
  if (options.destination) return pino(base, options.destination);
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (pretty)
    return pino({ ...base, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l' } } });
  return pino(base);
}
