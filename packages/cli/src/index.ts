/** Programmatic access to the CLI's building blocks (used by tests and the benchmark). */

export { readDeadLetters, retryDeadLetter } from './commands/dlq.ts';
export { collectStatus } from './commands/status.ts';
export { startPolicy } from './commands/tail.ts';
export { formatMessageLine, table } from './format.ts';
