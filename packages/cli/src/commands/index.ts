import type { CliContext } from '../context.ts';

export type Command = (ctx: CliContext, argv: string[], signal: AbortSignal) => Promise<number>;

/** Commands load lazily, so `newsflow tail` never loads the extraction model. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  start: {
    summary: 'run the whole pipeline locally (nats-server, ingest, extract, store)',
    load: async () => (await import('./start.ts')).start,
  },
  ingest: {
    summary: 'publish files or folders once, without the watcher',
    load: async () => (await import('./ingest.ts')).ingest,
  },
  extract: {
    summary: 'run the extraction engine offline on files or stdin; JSONL out',
    load: async () => (await import('./extract.ts')).extract,
  },
  tail: {
    summary: 'follow a subject (default news.events.>)',
    load: async () => (await import('./tail.ts')).tail,
  },
  query: {
    summary: 'query articles, entities, events or stories from the store API',
    load: async () => (await import('./query.ts')).query,
  },
  status: {
    summary: 'streams, message counts, consumer lag, dead letters',
    load: async () => (await import('./status.ts')).status,
  },
  dlq: { summary: 'list or retry dead letters', load: async () => (await import('./dlq.ts')).dlq },
  replay: {
    summary: 're-run extraction on stored articles without duplicating anything',
    load: async () => (await import('./replay.ts')).replay,
  },
};

export const MAIN_HELP = `Usage: newsflow <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Run \`newsflow <command> --help\` for a command's options. Configuration comes from environment variables
(NATS_URL, NEWSFLOW_API_URL, ...; see the README).
Exit codes: 0 ok, 1 failed, 2 usage error, 3 some input rejected, 4 a server could not be reached.`;
