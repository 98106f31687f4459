// The fastify application: JSON bodies kept as raw text (signatures are checked
// on the exact bytes, then json-body.ts parses them safely), the API's error
// shape for every failure (client-errors.ts for those before any route), a
// request id on every answer, and the routes (the API, health, and the web pages).
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { MAX_ID_LENGTH } from '../language/limits';
import type { ServerContext } from './context';
import { clientErrorHandler, frameworkErrors, REQUEST_TIMEOUT_MS } from './client-errors';
import { ApiError, installErrorHandlers } from './errors';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerHookRoutes } from './routes/hook-routes';
import { registerIngestRoutes } from './routes/ingest-routes';
import { registerReadRoutes } from './routes/read-routes';
import { registerShadowRoutes } from './routes/shadow-routes';
import { registerWebRoutes } from './routes/web-routes';
import { loadWebAssets } from './web-assets';

/** `application/json` and `application/<anything>+json`, with or without parameters. */
const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json(?:\s*;.*)?$/i;

/** Builds the app (not yet listening). */
export function buildApp(ctx: ServerContext, logger: Logger): FastifyInstance {
  const { server } = ctx.config;
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: server.body_limit,
    requestIdHeader: 'x-request-id',
    // Every id of up to MAX_ID_LENGTH characters fits a path segment, percent-encoded (at most 12 bytes per character).
    maxParamLength: MAX_ID_LENGTH * 12,
    requestTimeout: REQUEST_TIMEOUT_MS,
    frameworkErrors,
    clientErrorHandler,
    // Requests that arrive while closing get the API's error shape from the onRequest hook instead.
    return503OnClosing: false,
  }) as unknown as FastifyInstance;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (!ctx.readiness.ready && !request.url.startsWith('/healthz') && !request.url.startsWith('/readyz')) {
      throw new ApiError(503, 'not_ready', ctx.readiness.reason, undefined, { connection: 'close', 'retry-after': '1' });
    }
  });
  // While stopping, every answer closes its connection, so clients move on instead of reusing it.
  app.addHook('onSend', async (_request, reply) => {
    if (!ctx.readiness.ready) void reply.header('connection', 'close');
  });
  const large = /^\/v1\/(events:batch|directory)(\?|$)/;
  installErrorHandlers(app, { bodyLimit: (url) => (large.test(url) ? server.batch_body_limit : server.body_limit) });
  registerIngestRoutes(app, ctx);
  registerHookRoutes(app, ctx);
  registerReadRoutes(app, ctx);
  registerShadowRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerHealthRoutes(app, ctx);
  registerWebRoutes(app, loadWebAssets(ctx.webRoot));
  return app;
}
