import { loadIngestConfig, runIngestOnce } from '@newsflow/ingest';
import { parse, UsageError } from '../args.ts';
import type { CliContext } from '../context.ts';

export const INGEST_HELP = `Usage: newsflow ingest PATH... [--json]

Publishes files and folders to news.articles.raw once, without the watcher and without moving anything.
Folders are read recursively (.txt .md .html .htm .json .jsonl .ndjson; hidden and temporary files skipped).
Prints one line per file; exit code 0 when everything was published (or was a duplicate), 3 when any input
was rejected (each rejection is also published on news.articles.rejected), 4 when NATS cannot be reached.
  --json   print the per-file summary as JSON`;

export async function ingest(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    ctx.out.write(`${INGEST_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name at least one file or folder');
  const config = loadIngestConfig(ctx.env, process.cwd());
  // Progress of long inputs (JSONL) is logged at info: show it unless LOG_LEVEL says otherwise.
  const log = ctx.log.child({}, { level: ctx.env.LOG_LEVEL ?? 'info' });
  const result = await runIngestOnce(positionals, { config, log });
  if (values.json) {
    ctx.out.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const f of result.files) {
      const why = f.rejections[0] ? `  ${f.rejections[0].code}: ${f.rejections[0].message}` : '';
      const more = f.rejectedCount > 1 ? ` (+${f.rejectedCount - 1} more)` : '';
      ctx.out.write(`${f.status.padEnd(9)} ${f.path}  ${f.articleCount} article(s)${why}${more}\n`);
    }
    ctx.out.write(
      `${result.files.length} file(s): ${result.published} published, ${result.duplicates} duplicate(s), ` +
        `${result.rejectedFiles} rejected\n`,
    );
  }
  return result.ok ? 0 : 3;
}
