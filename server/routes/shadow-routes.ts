// `GET /v1/shadow`: how the candidate rules of shadow mode compare with the live
// ones: events compared and diverged, counts by live rule, and the latest
// divergences with both decisions. `{ "enabled": false }` when shadow mode is off.
// Read access as for the decision log (a team token sees it too: it names rules only).
import type { FastifyInstance } from 'fastify';
import { authenticate } from '../auth';
import type { ServerContext } from '../context';

/** Registers the shadow report. */
export function registerShadowRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/shadow', async (request) => {
    authenticate(ctx.secrets, request);
    return ctx.shadow ? ctx.shadow.report() : { enabled: false };
  });
}
