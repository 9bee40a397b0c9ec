// Entry of the `newsflow` command: the only CLI module that reads process state and sets the exit code.
import { ConfigError } from '@newsflow/shared';
import { EXIT, UsageError } from './args.ts';
import { COMMANDS, MAIN_HELP } from './commands/index.ts';
import { createContext } from './context.ts';

const [name, ...rest] = process.argv.slice(2);
const controller = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (controller.signal.aborted) process.exit(130); // second Ctrl-C: give up waiting
    controller.abort(sig);
  });
}

async function run(): Promise<number> {
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${MAIN_HELP}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`newsflow: unknown command '${name}'\n\n${MAIN_HELP}\n`);
    return EXIT.usage;
  }
  const ctx = createContext(process.env, {
    out: process.stdout,
    err: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
  });
  return (await command.load())(ctx, rest, controller.signal);
}

try {
  process.exitCode = await run();
} catch (err) {
  const e = err as Error & { code?: string };
  if (e instanceof UsageError) {
    process.stderr.write(`newsflow ${name}: ${e.message}\nRun \`newsflow ${name} --help\` for usage.\n`);
    process.exitCode = EXIT.usage;
  } else if (e instanceof ConfigError) {
    process.stderr.write(`newsflow: ${e.message}\n`);
    process.exitCode = EXIT.usage;
  } else if (
    e.code === 'CONNECTION_REFUSED' ||
    e.name === 'PublishFailedError' ||
    /CONNECTION_REFUSED|ECONNREFUSED/.test(String(e.message))
  ) {
    process.stderr.write(
      `newsflow ${name}: cannot reach the server (${e.message}). Is the stack running (npm start)?\n`,
    );
    process.exitCode = EXIT.unavailable;
  } else {
    process.stderr.write(`newsflow ${name}: ${e.stack ?? e.message}\n`);
    process.exitCode = EXIT.failed;
  }
}
