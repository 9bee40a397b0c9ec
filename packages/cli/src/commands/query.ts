import { apiGet } from '../api.ts';
import { parse, UsageError } from '../args.ts';
import type { CliContext } from '../context.ts';
import { table } from '../format.ts';

export const QUERY_HELP = `Usage: newsflow query <articles|entities|events|stories> [ID] [filters] [--json]

Asks the store's HTTP API (NEWSFLOW_API_URL, default http://127.0.0.1:8080).
  articles                       --limit N --cursor C
  entities  --type T --q TEXT    search by name or alias
  events    --type T --entity ID --from DATE --to DATE
  stories
With an ID, shows that one item in full (always JSON).
  --json   print the API's JSON instead of a table`;

const KINDS = ['articles', 'entities', 'events', 'stories'] as const;
type Kind = (typeof KINDS)[number];

type Row = Record<string, unknown>;
const s = (v: unknown, n = 60) => {
  const text = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
};

/** Columns shown per kind; the API's field names are documented in docs/openapi.yaml. */
const COLUMNS: Record<Kind, Array<[string, (r: Row) => string]>> = {
  articles: [
    ['id', (r) => s(r.id, 30)],
    ['outlet', (r) => s(r.outlet, 24)],
    ['published', (r) => s(r.publishedAt, 20)],
    ['title', (r) => s(r.title, 70)],
  ],
  entities: [
    ['id', (r) => s(r.id, 30)],
    ['type', (r) => s(r.type, 12)],
    ['name', (r) => s(r.name, 40)],
    ['aliases', (r) => s((r.aliases as string[] | undefined)?.join(', '), 40)],
    ['articles', (r) => s(r.articleCount ?? r.articles, 8)],
  ],
  events: [
    ['id', (r) => s(r.id, 30)],
    ['type', (r) => s(r.type, 22)],
    ['time', (r) => s((r.time as Row | undefined)?.value ?? r.time, 22)],
    ['sources', (r) => s(r.sourceCount ?? (r.sources as unknown[] | undefined)?.length, 7)],
    ['summary', (r) => s(r.summary ?? r.trigger ?? (r.evidence as Row | undefined)?.text, 70)],
  ],
  stories: [
    ['id', (r) => s(r.id, 30)],
    ['articles', (r) => s(r.articleCount ?? (r.articleIds as unknown[] | undefined)?.length, 8)],
    ['events', (r) => s(r.eventCount ?? (r.eventIds as unknown[] | undefined)?.length, 6)],
    ['title', (r) => s(r.title, 70)],
  ],
};

export async function query(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    type: { type: 'string' },
    q: { type: 'string' },
    entity: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  });
  const [kind, id] = positionals;
  if (values.help || !kind) {
    ctx.out.write(`${QUERY_HELP}\n`);
    return values.help ? 0 : 2;
  }
  if (!KINDS.includes(kind as Kind)) throw new UsageError(`unknown kind '${kind}' (${KINDS.join(', ')})`);
  if (id) {
    ctx.out.write(`${JSON.stringify(await apiGet(ctx, `/v1/${kind}/${encodeURIComponent(id)}`), null, 2)}\n`);
    return 0;
  }
  const { json, help: _h, ...filters } = values;
  const body = (await apiGet(ctx, `/v1/${kind}`, filters as Record<string, string | undefined>)) as {
    items?: Row[];
    nextCursor?: string | null;
  };
  if (json) {
    ctx.out.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const cols = COLUMNS[kind as Kind];
  const items = body.items ?? [];
  ctx.out.write(
    `${table(
      cols.map(([h]) => h),
      items.map((r) => cols.map(([, f]) => f(r))),
    )}\n`,
  );
  if (body.nextCursor) ctx.out.write(`more: --cursor ${body.nextCursor}\n`);
  return 0;
}
