import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '@newsflow/shared';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Db } from '../db/types.ts';
import type { StoreMetrics } from '../metrics.ts';
import { articleRoutes } from './routes/articles.ts';
import { entityRoutes } from './routes/entities.ts';
import { eventRoutes } from './routes/events.ts';
import { storyRoutes } from './routes/stories.ts';

export interface ApiDeps {
  db: Db;
  log: Logger;
  metrics: StoreMetrics;
  /** When set, /v1 routes require `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Extra readiness checks (NATS connected, consumers running); the database is always checked. */
  ready?: () => Promise<Record<string, boolean>>;
  /** Refreshes gauges read on scrape (consumer lag) before /metrics answers. */
  beforeScrape?: () => Promise<void>;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** The query API: JSON over HTTP, documented in docs/openapi.yaml. The caller listens and closes it. */
export function buildApi(deps: ApiDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'api' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
  });

  if (deps.token) {
    const token = deps.token;
    // Fail closed: every route but the probes needs the token. Decide on the matched route, never on the raw
    // URL, which can spell /v1 in percent-encoding (`/%761/articles`) and still be routed to the handler.
    const open = new Set(['/healthz', '/readyz', '/metrics']);
    app.addHook('onRequest', async (req, reply) => {
      if (open.has(req.routeOptions.url ?? '')) return;
      if (!tokenMatches(req.headers.authorization, token)) {
        await reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: 'unauthorized', message: 'a valid bearer token is required' });
      }
    });
  }

  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'no such route' }),
  );
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({
      error: status >= 500 ? 'internal' : 'bad_request',
      message: status >= 500 ? 'internal error' : err.message,
    });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const checks = { database: await deps.db.ping(), ...((await deps.ready?.()) ?? {}) };
    const ok = Object.values(checks).every(Boolean);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not_ready', checks });
  });
  app.get('/metrics', async (_req, reply) => {
    await deps.beforeScrape?.().catch((err) => deps.log.warn({ err }, 'metrics refresh failed'));
    return reply
      .header('content-type', deps.metrics.registry.contentType)
      .send(await deps.metrics.registry.metrics());
  });

  articleRoutes(app, deps.db);
  entityRoutes(app, deps.db);
  eventRoutes(app, deps.db);
  storyRoutes(app, deps.db);
  return app;
}
