// The ingest endpoints: `POST /v1/events` (one event), `POST /v1/events:batch` (up
// to 1,000, one decision each, in order) and `POST /v1/distribute` (automation
// trigger mode: the decision, and a callback when asked). Each checks the
// signature on the raw body first, then parses it safely, validates it with zod
// and the engine, and answers only once the decision is durable. A batch is
// decided in slices, with a turn of the event loop between them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../runtime/state/store';
import { verifySignature } from '../auth';
import type { ServerContext } from '../context';
import { ApiError, errorBody, parseWith } from '../errors';
import { rememberKey, type IdempotencyClaim } from '../idempotency';
import type { RequestContext } from '../ingest';
import { EVENT_MAX_DEPTH, parseJsonBody } from '../json-body';
import { batchBody, DistributeBody } from '../schemas';
import { decisionSummary } from '../wire';
import { yieldToLoop } from '../yield';
import { type DecideResult, type IncomingEvent, type InputIssue } from '../../api';

/** Events of a batch decided together (they share commit groups); the event loop turns between slices. */
const BATCH_SLICE = 32;

/** How long `/v1/distribute` waits for a decision without `timeout`: an automation card's 10 minutes. */
const DISTRIBUTE_TIMEOUT_MS = 10 * 60_000;

/** Registers the ingest endpoints. */
export function registerIngestRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { server } = ctx.config;
  const batch = batchBody(server.batch_max_events);

  app.post('/v1/events', { bodyLimit: server.body_limit }, async (request, reply) => {
    const text = signedBody(ctx, request);
    requireEntityMode(ctx);
    const event = asEvent(parseJsonBody(text, EVENT_MAX_DEPTH));
    return withIdempotency(ctx, request, reply, text, async (claim) => {
      const result = await ctx.ingest.decide(event, { via: 'events', idempotency: claim });
      return answer(ctx, reply, result, claim);
    });
  });

  app.post('/v1/events::batch', { bodyLimit: server.batch_body_limit }, async (request, reply) => {
    const text = signedBody(ctx, request);
    requireEntityMode(ctx);
    const { events } = parseWith(batch, parseJsonBody(text, EVENT_MAX_DEPTH + 2), 'invalid_request', 'the batch');
    return withIdempotency(ctx, request, reply, text, async (claim) => {
      const results: unknown[] = [];
      for (let at = 0; at < events.length; at += BATCH_SLICE) {
        if (at > 0) await yieldToLoop();
        results.push(...(await Promise.all(events.slice(at, at + BATCH_SLICE).map((raw) => decideOne(ctx, raw)))));
      }
      if (claim) await inTransaction(ctx.store, (tx) => rememberKey(tx, claim, null, ctx.clock()));
      return { results };
    });
  });

  app.post('/v1/distribute', { bodyLimit: server.body_limit }, async (request, reply) => {
    const text = signedBody(ctx, request);
    const body = parseWith(DistributeBody, parseJsonBody(text, EVENT_MAX_DEPTH + 1), 'invalid_request', 'the request');
    return withIdempotency(ctx, request, reply, text, async (claim) => {
      const context: RequestContext = { via: 'distribute', idempotency: claim, callbackUrl: body.callback_url ?? null, defaultUser: body.default_user ?? null };
      const event = asEvent(body.event);
      const decided = ctx.ingest.decide(event, context).then((result) => answer(ctx, reply, result, claim));
      const answered = await raceTimeout(decided, body.timeout ?? DISTRIBUTE_TIMEOUT_MS);
      if (answered === TIMED_OUT) {
        decided.catch((error: unknown) => request.log.error({ step: 'error', err: error }, 'a distribute decision failed after its timeout'));
        void reply.status(202);
        return { event_id: String(event.id), status: 'pending', ...(body.default_user ? { default_user: body.default_user } : {}) };
      }
      const summary = answered as ReturnType<typeof decisionSummary>;
      return summary.assigned.length === 0 && body.default_user ? { ...summary, default_user: body.default_user } : summary;
    });
  });
}

/** The raw body, after the signature check when a webhook secret is set. */
function signedBody(ctx: ServerContext, request: FastifyRequest): string {
  const text = typeof request.body === 'string' ? request.body : '';
  const secret = ctx.secrets.webhookSecret;
  if (secret !== null) {
    const header = request.headers['dist-signature'];
    verifySignature(secret, Array.isArray(header) ? header[0] : header, text, Math.floor(ctx.clock() / 1000));
  }
  return text;
}

function requireEntityMode(ctx: ServerContext): void {
  if (ctx.live.current.program.settings.trigger === 'automation') {
    throw new ApiError(409, 'automation_trigger_mode', 'the rules run in `trigger automation` mode: records enter only through `POST /v1/distribute`');
  }
}

/** Runs `work` under the request's Idempotency-Key, or answers the earlier decision of that key. */
async function withIdempotency(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  text: string,
  work: (claim: IdempotencyClaim | null) => Promise<unknown>,
): Promise<unknown> {
  const claim = ctx.idempotency.claimOf(request, text);
  if (!claim) return work(null);
  const earlier = await ctx.idempotency.begin(claim);
  if (earlier?.decision) {
    void reply.header('idempotent-replayed', 'true');
    return decisionSummary(earlier.decision);
  }
  try {
    return await work(claim);
  } finally {
    if (!earlier) ctx.idempotency.end(claim);
  }
}

/** The answer to a decided event (or 400 with the engine's issues). */
async function answer(
  ctx: ServerContext,
  reply: FastifyReply,
  result: DecideResult,
  claim: IdempotencyClaim | null,
): Promise<ReturnType<typeof decisionSummary>> {
  if (!result.ok) throw issuesError(result.issues);
  if (result.duplicate) {
    void reply.header('idempotent-replayed', 'true');
    if (claim) await inTransaction(ctx.store, (tx) => rememberKey(tx, claim, result.decision.id, ctx.clock()));
  }
  return decisionSummary(result.decision);
}

/** One event of a batch: its decision summary, or its error. */
async function decideOne(ctx: ServerContext, raw: unknown): Promise<unknown> {
  try {
    const result = await ctx.ingest.decide(asEvent(raw), { via: 'batch' });
    if (!result.ok) throw issuesError(result.issues);
    return { status: 200, ...(result.duplicate ? { replayed: true } : {}), ...decisionSummary(result.decision) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, ...errorBody(error.code, error.message, error.details) };
  }
}

/**
 * The body as an event for the engine, which checks every field of it (the one
 * rule for events, shared with `dist explain` and embedding services).
 */
function asEvent(value: unknown): IncomingEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_event', 'an event must be a JSON object: `{ "id", "type", "record", "changed"?, "at"? }`');
  }
  return value as IncomingEvent;
}

/** 400 `unknown_event_type` when the type is at fault, else `invalid_event`; details list every issue. */
function issuesError(issues: InputIssue[]): ApiError {
  const typeIssue = issues.find((i) => i.code === 'unknown_event_type');
  const first = typeIssue ?? (issues[0] as InputIssue);
  const message = `${first.path ? `${first.path}: ` : ''}${first.message}`;
  return new ApiError(400, typeIssue ? 'unknown_event_type' : 'invalid_event', message, issues);
}

const TIMED_OUT = Symbol('timed out');

async function raceTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
