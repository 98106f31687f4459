// `POST /v1/hooks/{source}`: a raw payload from a form, portal or API, mapped by
// the rules' `map … from "source"` block into a record and decided like an event
// (docs/server.md "Hooks"). Signed, size- and nesting-checked like `/v1/events`;
// the event id is `hook-<source>-<SHA-256 of the body>`, so the same payload sent
// again answers its first decision. A payload that fails its map is kept in the
// map's `on invalid` queue (202) or refused with the fields at fault (400).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import { EVENT_MAX_DEPTH, parseJsonBody } from '../json-body';
import { decisionSummary } from '../wire';
import { requireEntityMode, signedBody, withIdempotency } from './ingest-routes';
import { findMap, mapSources, unknownSource, type InputIssue } from '../../api';

/** Registers the hooks endpoint. */
export function registerHookRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { source: string } }>('/v1/hooks/:source', { bodyLimit: ctx.config.server.body_limit }, async (request, reply) => {
    const text = signedBody(ctx, request);
    requireEntityMode(ctx);
    const { source } = request.params;
    const program = ctx.live.current.program;
    if (!findMap(program, source)) {
      throw new ApiError(404, 'unknown_source', unknownSource(program, source).message, { sources: mapSources(program) });
    }
    const payload = parseJsonBody(text, EVENT_MAX_DEPTH);
    const eventId = hookEventId(source, text);
    return withIdempotency(ctx, request, reply, text, async (claim) => {
      const result = await ctx.ingest.decidePayload(source, payload, eventId, { via: 'hooks', idempotency: claim });
      if (result.ok) {
        if (result.duplicate) void reply.header('idempotent-replayed', 'true');
        return decisionSummary(result.decision);
      }
      if (result.queue === null) throw payloadError(result.issues);
      void reply.status(202);
      return { event_id: eventId, outcome: 'invalid', queue: result.queue, errors: result.issues.map(({ path, message }) => ({ field: path, message })) };
    });
  });
}

/** The event id of a hook payload: the source and a SHA-256 of the exact body. */
export function hookEventId(source: string, body: string): string {
  return `hook-${source}-${createHash('sha256').update(body).digest('hex').slice(0, 32)}`;
}

/** 400 `invalid_payload`, naming every field at fault. */
function payloadError(issues: readonly InputIssue[]): ApiError {
  const fields = [...new Set(issues.map((i) => i.path).filter((p) => p !== ''))];
  const first = issues[0] as InputIssue;
  const named = fields.length > 0 ? `the payload fails its map on ${fields.map((f) => `\`${f}\``).join(', ')}` : 'the payload is invalid';
  return new ApiError(400, 'invalid_payload', `${named}: ${first.path ? `${first.path}: ` : ''}${first.message}`, issues.map(({ path, message }) => ({ path, message })));
}
