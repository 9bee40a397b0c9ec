import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleData, type ArticleRawV1, makeMessage, sha256Hex } from '@newsflow/shared';
import { apiGet } from '../api.ts';
import { parse, UsageError } from '../args.ts';
import type { CliContext } from '../context.ts';

export const REPLAY_HELP = `Usage: newsflow replay [ARTICLE_ID...] [--force]

Re-runs extraction on stored articles (all of them without IDs), e.g. after an extractor upgrade. Each article
is re-published to news.articles.raw from the store; ids derive from (article, extractor version), so the
store's upserts make a replay under the same version change nothing, and a new version replaces the old one's
entities and events for that article.
  --force   replay even if the same version was replayed within the duplicate window`;

const EXTRACT_VERSION: string = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', '..', 'services', 'extract', 'package.json'),
    'utf8',
  ),
).version;

/** Every stored article id, following the API's cursor pagination. */
async function allArticleIds(ctx: CliContext): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = (await apiGet(ctx, '/v1/articles', { limit: '200', cursor })) as {
      items: Array<{ id: string }>;
      nextCursor?: string | null;
    };
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Rebuilds the raw article message from the store's copy; the text, hence the id, is unchanged. */
export function articleMessageFromStore(stored: Record<string, unknown>, now: Date): ArticleRawV1 {
  const text = String(stored.text ?? '');
  const data = ArticleData.parse({
    id: stored.id,
    text,
    contentHash: sha256Hex(text),
    byteSize: Buffer.byteLength(text),
    receivedAt: typeof stored.receivedAt === 'string' ? stored.receivedAt : now.toISOString(),
    origin: { kind: 'cli' },
    ...Object.fromEntries(
      ['title', 'url', 'outlet', 'byline', 'language', 'publishedAt']
        .filter((k) => typeof stored[k] === 'string' && stored[k] !== '')
        .map((k) => [k, stored[k]]),
    ),
  });
  return makeMessage('news.article.raw.v1', {
    id: data.id,
    source: 'newsflow/cli',
    subject: data.id,
    data,
    time: now,
  });
}

export async function replay(ctx: CliContext, argv: string[], signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse(argv, { force: { type: 'boolean' } });
  if (values.help) {
    ctx.out.write(`${REPLAY_HELP}\n`);
    return 0;
  }
  if (positionals.some((id) => !/^art_[0-9a-f]{24}$/.test(id)))
    throw new UsageError('article ids look like art_ + 24 hex digits');
  const ids = positionals.length ? positionals : await allArticleIds(ctx);
  const bus = await ctx.bus();
  const nonce = values.force ? `-${Date.now()}` : '';
  let done = 0;
  let failed = 0;
  try {
    for (const id of ids) {
      if (signal.aborted) break;
      try {
        const stored = (await apiGet(ctx, `/v1/articles/${id}`)) as Record<string, unknown>;
        const message = articleMessageFromStore(
          (stored.article as Record<string, unknown>) ?? stored,
          new Date(),
        );
        await bus.publisher.publish(message, { msgId: `${id}-replay-${EXTRACT_VERSION}${nonce}` });
        done++;
      } catch (err) {
        failed++;
        ctx.err.write(`replay ${id}: ${(err as Error).message}\n`);
      }
      if ((done + failed) % 100 === 0 || done + failed === ids.length) {
        ctx.err.write(`replayed ${done + failed}/${ids.length}${ctx.isTTY ? '\r' : '\n'}`);
      }
    }
  } finally {
    await bus.close();
  }
  ctx.out.write(
    `\n${done} article(s) re-published for extraction (extractor ${EXTRACT_VERSION}); ${failed} failed\n`,
  );
  return failed ? 1 : 0;
}
