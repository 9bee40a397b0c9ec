import type { FastifyInstance } from 'fastify';
import { PublishFailedError, type Rejection } from '../errors.ts';
import { parseJsonArticle } from '../parse/json.ts';
import type { ArticleSink, Outgoing } from '../sink.ts';

export interface ArticlesRouteOptions {
  sink: ArticleSink;
  maxArticles: number;
}

/** Shape of a 4xx body: one reason code for the request plus one entry per refused article. */
export interface ErrorBody {
  error: string;
  message: string;
  rejections?: { index?: number; reason: string; message: string }[];
}

const asBody = (r: Rejection) => ({
  ...(r.index !== undefined ? { index: r.index } : {}),
  reason: r.code,
  message: r.message,
});

/**
 * `POST /v1/articles`: one JSON article or an array of them (fields as for `.json` files). All-or-nothing: when
 * any article is invalid, nothing is published and the 400 lists every problem by array index. Otherwise every
 * article is published and acknowledged before the 200, which lists ids and which were duplicates.
 */
export function registerArticlesRoute(app: FastifyInstance, options: ArticlesRouteOptions): void {
  const { sink } = options;
  app.post('/v1/articles', async (request, reply) => {
    const body = request.body;
    const isArray = Array.isArray(body);
    const items: unknown[] = isArray ? body : [body];
    if (body === null || typeof body !== 'object' || items.length === 0) {
      return reply.code(400).send({
        error: 'invalid_article',
        message: 'the body must be a JSON article object or a non-empty array of them',
      } satisfies ErrorBody);
    }
    if (items.length > options.maxArticles) {
      return reply.code(413).send({
        error: 'too_many_articles',
        message: `${items.length} articles; at most ${options.maxArticles} per request`,
      } satisfies ErrorBody);
    }
    const batch: Outgoing[] = [];
    const rejections: Rejection[] = [];
    for (const [index, item] of items.entries()) {
      const parsed = parseJsonArticle(item, isArray ? { index } : {});
      if (!parsed.ok) {
        rejections.push(parsed.rejection);
        continue;
      }
      const outgoing: Outgoing = { draft: parsed.article, origin: { kind: 'http' } };
      const problem = sink.check(outgoing);
      if (problem) rejections.push(isArray ? { ...problem, index } : problem);
      else batch.push(outgoing);
    }
    if (rejections.length > 0) {
      await sink
        .publishRejections(rejections, { input: 'http', origin: 'http' })
        .catch((err: unknown) => request.log.warn({ err }, 'could not publish rejections'));
      const first = rejections[0] as Rejection;
      return reply.code(400).send({
        error: rejections.every((r) => r.code === first.code) ? first.code : 'invalid_article',
        message: `${rejections.length} of ${items.length} article(s) refused; nothing was published`,
        rejections: rejections.map(asBody),
      } satisfies ErrorBody);
    }
    try {
      const results = await sink.publishArticles(batch);
      const articles = results.map((r) =>
        r.ok ? { id: r.id, duplicate: r.duplicate, ...(r.title ? { title: r.title } : {}) } : null,
      );
      const duplicates = articles.filter((a) => a?.duplicate).length;
      return reply.code(200).send({ articles, published: articles.length - duplicates, duplicates });
    } catch (err) {
      if (!(err instanceof PublishFailedError)) throw err;
      request.log.error({ err }, 'publish failed');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({
          error: 'unavailable',
          message: 'the message broker did not acknowledge; retry later (ids make retries safe)',
        } satisfies ErrorBody);
    }
  });
}
