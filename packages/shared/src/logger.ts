import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Field names whose whole value is secret, at any depth: passwords, tokens, secrets, seeds, API keys, credentials and
 * the `Authorization`/`Cookie` headers (case-insensitive). `tokens` or `tokenCount` do not match.
 */
const SECRET_KEY =
  /(password|passwd|secret|token|seed|credentials?|api_?key|private_?key)$|^(pass|pwd|authorization|proxy-authorization|cookie|set-cookie)$/i;

/** Field names holding connection strings: logged with credentials masked, so the host stays visible. */
const URL_KEY = /^(url|database_?url|nats_?url|connection_?string)$/i;

/**
 * Paths pino redacts after its serializers have run (fastify's request serializer builds `req` after the walk in
 * `redactSecrets` has seen the raw request). Everything else is handled by `redactSecrets`.
 */
export const REDACT_PATHS = ['req.url', 'req.headers.authorization', 'req.headers.cookie'];

const CENSOR = '[redacted]';
/** Objects nested deeper than this are logged as they are; log named fields, not whole structures. */
const MAX_DEPTH = 8;

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

/**
 * Returns `value` with secret fields replaced by `[redacted]` and URL fields passed through `redactUrl`, at any
 * depth up to 8. Plain objects and arrays are walked; the input is never mutated (only objects on the way to a
 * secret are copied); errors, dates, buffers and class instances are left to pino's serializers.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const r = redactSecrets(item, depth + 1);
      if (r !== item) {
        out ??= value.slice();
        out[i] = r;
      }
    });
    return (out ?? value) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const v = record[key];
    let r = v;
    if (v !== undefined && SECRET_KEY.test(key)) r = CENSOR;
    else if (typeof v === 'string' && URL_KEY.test(key)) r = redactUrl(v);
    else r = redactSecrets(v, depth + 1);
    if (r !== v) {
      out ??= { ...record };
      out[key] = r;
    }
  }
  return (out ?? value) as T;
}

function censor(value: unknown, path: string[]): unknown {
  return path[path.length - 1] === 'url' && typeof value === 'string' ? redactUrl(value) : CENSOR;
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
    formatters: { log: redactSecrets },
  };
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  const log = options.destination
    ? pino(base, options.destination)
    : pretty
      ? pino({ ...base, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l' } } })
      : pino(base);
  // pino applies no formatter to child bindings, so they are redacted here; children inherit this method.
  const child = log.child;
  log.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactSecrets(bindings), childOptions);
  } as Logger['child'];
  return log;
}
