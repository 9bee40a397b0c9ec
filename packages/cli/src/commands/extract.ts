import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExtractor, EXTRACTOR_NAME, EXTRACTOR_VERSION, toMessages } from '@newsflow/extract';
import { parseOffline } from '@newsflow/ingest';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { parse, UsageError } from '../args.ts';
import type { CliContext } from '../context.ts';

export const EXTRACT_HELP = `Usage: newsflow extract [FILE...] [--format txt|md|html|json|jsonl] [--published-at ISO]

Runs the extraction engine offline (no NATS): reads files in any format ingest accepts, or standard input when
no FILE is given (plain text unless --format says otherwise), and prints one JSON line per article:
  {"article": {...}, "entities": [...], "events": [...]}
with the same entity and event payloads the pipeline publishes. Exit code 3 when an input was rejected.
  --published-at ISO   publication time for inputs that do not state one (resolves "on Friday")`;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function extract(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' },
    'published-at': { type: 'string' },
  });
  if (values.help) {
    ctx.out.write(`${EXTRACT_HELP}\n`);
    return 0;
  }
  const publishedAt = values['published-at'];
  if (publishedAt !== undefined && Number.isNaN(Date.parse(publishedAt))) {
    throw new UsageError('--published-at must be an ISO 8601 date or time');
  }
  const extractor = createExtractor({
    nerTagger: loadNerModel(),
    posTagger: loadPosModel(),
    version: EXTRACTOR_VERSION,
  });
  const stamp = { name: EXTRACTOR_NAME, version: EXTRACTOR_VERSION };

  let paths = positionals;
  let tmp: string | undefined;
  if (paths.length === 0) {
    tmp = mkdtempSync(join(tmpdir(), 'newsflow-extract-'));
    const file = join(tmp, `stdin.${values.format ?? 'txt'}`);
    writeFileSync(file, await readStdin());
    paths = [file];
  }
  try {
    const result = await parseOffline(
      paths,
      (article) => {
        const a =
          publishedAt && !article.publishedAt
            ? { ...article, publishedAt: new Date(publishedAt).toISOString() }
            : article;
        const t0 = performance.now();
        const extraction = extractor.extract({
          id: a.id,
          text: a.text,
          ...(a.title ? { title: a.title } : {}),
          ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
        });
        const out = toMessages(a, extraction, stamp, performance.now() - t0);
        ctx.out.write(
          `${JSON.stringify({ article: a, entities: out.entities.map((e) => e.data), events: out.events.map((e) => e.data) })}\n`,
        );
      },
      { log: ctx.log },
    );
    for (const f of result.files) {
      for (const r of f.rejections) ctx.err.write(`rejected ${f.path}: ${r.code}: ${r.message}\n`);
    }
    return result.ok ? 0 : 3;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
