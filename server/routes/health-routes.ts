// Liveness, readiness and metrics. `/healthz` answers while the process runs.
// `/readyz` is 503 while starting or shutting down, else 200 with the running
// version and the outcome of the last reload: a change that failed to compile
// keeps the old version serving, so the server stays ready and reports
// `reload.ok: false` with the diagnostics. `/metrics` is Prometheus text for the
// administrator.
import type { FastifyInstance } from 'fastify';
import { authenticate, requireAdmin } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import { isoOrNull } from '../wire';

/** Registers `/healthz`, `/readyz` and `/metrics`. */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async () => {
    if (!ctx.readiness.ready) throw new ApiError(503, 'not_ready', ctx.readiness.reason);
    const { program, directory, loadedAt } = ctx.live.current;
    const status = ctx.live.reloadStatus;
    return {
      ready: true,
      version: { rules: program.rules.length, users: directory.users.length, loaded_at: isoOrNull(loadedAt) },
      reload: { ok: status.ok, trigger: status.trigger, at: isoOrNull(status.at), diagnostics: status.diagnostics },
      outbox_backlog: ctx.worker.backlog,
    };
  });

  app.get('/metrics', async (request, reply) => {
    requireAdmin(authenticate(ctx.secrets, request));
    void reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.text();
  });
}
