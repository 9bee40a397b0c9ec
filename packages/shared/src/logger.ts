import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Paths pino replaces with `[redacted]` wherever they appear in a log object. */
export const REDACT_PATHS = [
  'password',
  'token',
  'authorization',
  '*.password',
  '*.pass',
  '*.token',
  '*.authorization',
  '*.NATS_PASSWORD',
  '*.NATS_TOKEN',
  '*.NATS_NKEY_SEED',
  '*.NEWSFLOW_API_TOKEN',
  '*.DATABASE_URL',
  'req.headers.authorization',
];

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
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (options.destination) return pino(base, options.destination);
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (pretty)
    return pino({ ...base, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l' } } });
  return pino(base);
}
