import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger.ts';

/** A logger that writes nothing (tests that assert on behaviour, not on log lines). */
export function silentLogger(name = 'test'): Logger {
  return createLogger({ name, level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
}
