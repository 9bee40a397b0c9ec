import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '@newsflow/shared';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import type { RejectionCode } from '../errors.ts';
import type { IngestMetrics } from '../metrics.ts';
import type { ArticleSink } from '../sink.ts';
import { registerArticlesRoute } from './articles-route.ts';

export interface HttpServerOptions {
  sink: ArticleSink;
  metrics: IngestMetrics;
  log: Logger;
  bodyLimit: number;
  maxArticles: number;
  /** When set, `/v1/*` requires `Authorization: Bearer <token>`. */
  token?: string;
  /** A request (headers and body) must arrive within this time, or the connection is cut (slow-loris). */
  requestTimeoutMs: number;
  /** Readiness checks by name (NATS connected, inbox watched ...). */
  readiness: () => Record<string, boolean>;
}

/** Maps fastify's own client errors to the service's error body. */
const FASTIFY_ERRORS: Record<string, { error: RejectionCode; status: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'too_large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { error: 'unsupported_type', status: 415 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: 'empty', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'invalid_json', status: 400 },
};

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Builds (does not start) the HTTP server: article push, health, readiness and metrics. */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    return503OnClosing: true,
    requestTimeout: options.requestTimeoutMs,
    // Node checks request deadlines every connectionsCheckingInterval (30 s by default): check often enough.
    http: {
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(options.requestTimeoutMs / 2))),
      headersTimeout: Math.min(60_000, options.requestTimeoutMs),
    },
  });
  // While closing, answers carry `Connection: close`: a keep-alive client would otherwise hold its connection,
  // and with it server.close(), open until the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  // JSON only: any other body type is answered with 415.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    const syntax = err instanceof SyntaxError || err.statusCode === 400;
    const mapped = known ?? (syntax ? ({ error: 'invalid_json', status: 400 } as const) : undefined);
    if (mapped) {
      options.metrics.rejections.inc({ reason: mapped.error, origin: 'http' });
      return reply.code(mapped.status).send({ error: mapped.error, message: err.message });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'internal error' });
  });
  // The token guards the /v1 routes themselves (an encapsulated plugin), not a URL prefix: the router decodes
  // `%76` to `v`, so a check on the raw URL could be walked around.
  const token = options.token;
  app.register(async (v1) => {
    if (token) {
      v1.addHook('onRequest', async (request, reply) => {
        if (!tokenMatches(request.headers.authorization, token)) {
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer')
            .send({ error: 'unauthorized', message: 'missing or wrong bearer token' });
        }
      });
    }
    registerArticlesRoute(v1, { sink: options.sink, maxArticles: options.maxArticles });
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks = options.readiness();
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_request, reply) => {
    const body = await options.metrics.registry.metrics();
    return reply.header('content-type', options.metrics.registry.contentType).send(body);
  });
  return app;
}
