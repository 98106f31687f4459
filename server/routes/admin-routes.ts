// The admin endpoints (admin token only): queues and sending a record back
// through the rules, replacing the directory, changing one user, closing a
// record, and reporting a manual assignment. Bodies are parsed like events
// (size, nesting and key checks) and validated with zod and the directory loader.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { own } from '../../language/own';
import { loadRecord } from '../../runtime/record-state';
import { inTransaction } from '../../runtime/state/store';
import { authenticate, requireAdmin } from '../auth';
import type { ServerContext } from '../context';
import { UserPatch } from '../directory-overlay';
import { ApiError, parseWith } from '../errors';
import { EVENT_MAX_DEPTH, parseJsonBody } from '../json-body';
import { queuesOf } from '../live-project';
import { AssignmentBody, RetryQuery } from '../schemas';
import { decisionSummary, isoOrNull } from '../wire';
import { type DirectoryUser, type Program } from '../../api';

/** Registers the admin endpoints. */
export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const admin = (request: FastifyRequest) => requireAdmin(authenticate(ctx.secrets, request));
  const json = (request: FastifyRequest) => parseJsonBody(typeof request.body === 'string' ? request.body : '', EVENT_MAX_DEPTH);

  app.get<{ Params: { name: string } }>('/v1/queues/:name', async (request) => {
    admin(request);
    const { name } = request.params;
    const items = await ctx.live.current.engine.listQueue(name);
    if (items.length === 0 && !queuesOf(ctx.live.current.program).has(name)) throw new ApiError(404, 'not_found', `no queue \`${name}\``);
    return {
      queue: name,
      count: items.length,
      items: items.map((i) => ({
        entity: i.entity,
        record_id: i.recordId,
        event_id: i.eventId,
        event_type: i.eventType,
        decision_id: i.decisionId,
        enqueued_at: isoOrNull(i.enqueuedAt),
        reason: i.reason,
        retry_until: isoOrNull(i.retryUntil),
        ...(i.invalid ? { source: i.invalid.source, payload: i.invalid.payload, errors: i.invalid.issues.map(({ path, message }) => ({ field: path, message })) } : {}),
      })),
    };
  });

  app.post<{ Params: { name: string; record: string } }>('/v1/queues/:name/:record/retry', async (request) => {
    admin(request);
    const { name, record } = request.params;
    const { entity } = parseWith(RetryQuery, request.query, 'invalid_query', 'the query');
    const waiting = (await ctx.live.current.engine.listQueue(name)).filter((i) => i.recordId === record && (entity === undefined || i.entity === entity));
    if (waiting.length > 1) {
      const entities = waiting.map((i) => `\`${i.entity}\``).join(', ');
      throw new ApiError(400, 'invalid_query', `records of ${entities} with id \`${record}\` wait in queue \`${name}\`; say which with \`?entity=\``, [
        { path: 'entity', message: 'required when records of several entities share the id' },
      ]);
    }
    const result = waiting[0] ? await ctx.ingest.retry(name, waiting[0].entity, record) : null;
    if (result === null) throw new ApiError(404, 'not_found', `record \`${record}\`${entity ? ` of \`${entity}\`` : ''} is not in queue \`${name}\``);
    if (!result.ok && waiting[0]?.invalid) throw new ApiError(422, 'invalid_payload', 'the kept payload still fails its map; it stays in the queue', result.issues);
    if (!result.ok) throw new ApiError(400, 'invalid_event', 'the queued record no longer passes its schema', result.issues);
    return decisionSummary(result.decision);
  });

  app.put('/v1/directory', { bodyLimit: ctx.config.server.batch_body_limit }, async (request) => {
    admin(request);
    const result = await ctx.live.putDirectory(json(request));
    if (!result.ok) throw new ApiError(400, 'invalid_directory', `the directory is invalid: ${describeFirst(result.errors)}`, result.errors);
    request.log.info({ step: 'directory', users: result.users }, 'directory replaced over the API');
    return { users: result.users };
  });

  app.patch<{ Params: { id: string } }>('/v1/users/:id', async (request) => {
    admin(request);
    const { id } = request.params;
    const patch = parseWith(UserPatch, json(request), 'invalid_request', 'the user change');
    const result = await ctx.live.patchUser(id, patch);
    if (result === null) throw new ApiError(404, 'not_found', `no user \`${id}\` in the directory`);
    if (!result.ok) throw new ApiError(400, 'invalid_directory', `the change makes the directory invalid: ${describeFirst(result.errors)}`, result.errors);
    request.log.info({ step: 'directory', user: id, change: patch }, 'user changed over the API');
    return userWire(result.directory.users.find((u) => u.id === id) as DirectoryUser);
  });

  app.post<{ Params: { entity: string; id: string } }>('/v1/records/:entity/:id/close', async (request) => {
    admin(request);
    const { entity, id } = request.params;
    checkEntity(ctx.live.current.program, entity, 'the entity in the path');
    const record = await inTransaction(ctx.store, (tx) => loadRecord(tx, entity, id));
    if (!record) throw new ApiError(404, 'not_found', `no ${entity} \`${id}\` has been seen`);
    const closed = await ctx.live.current.engine.closeRecord(entity, id);
    request.log.info({ step: 'close', entity, record: id, owners: record.owners }, 'record closed');
    return { entity, record_id: id, closed: true, already_closed: !closed };
  });

  app.post('/v1/assignments', async (request) => {
    admin(request);
    const body = parseWith(AssignmentBody, json(request), 'invalid_request', 'the assignment');
    const { program, directory, engine } = ctx.live.current;
    checkEntity(program, body.entity, 'entity');
    if (!directory.users.some((u) => u.id === body.user)) {
      throw new ApiError(400, 'invalid_request', `no user \`${body.user}\` in the directory`, [{ path: 'user', message: 'not in the directory' }]);
    }
    const decision = await engine.reportAssignment({ entity: body.entity, recordId: body.record_id, user: body.user, counts: body.counts, ...(body.by !== undefined ? { by: body.by } : {}) });
    request.log.info({ step: 'manual_assignment', entity: body.entity, record: body.record_id, user: body.user, counts: body.counts, decision: decision.id }, 'manual assignment');
    return { recorded: true, decision_id: decision.id, entity: body.entity, record_id: body.record_id, user: body.user, counts: body.counts, ...(body.by !== undefined ? { by: body.by } : {}) };
  });
}

/** Throws 400 unless `entity` is an entity the rules declare a schema for (`user` is not). */
function checkEntity(program: Program, entity: string, path: string): void {
  if (entity !== 'user' && own(program.schemas, entity)) return;
  const entities = Object.keys(program.schemas).filter((e) => e !== 'user');
  const message = `unknown entity \`${entity}\`; the rules declare ${entities.length ? entities.map((e) => `\`${e}\``).join(', ') : 'no entity'}`;
  throw new ApiError(400, 'invalid_request', message, [{ path, message: 'not an entity of the schema' }]);
}

function describeFirst(errors: readonly { path: string; message: string }[]): string {
  const first = errors[0];
  return first ? `${first.path}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : 'unknown problem';
}

/** A directory user on the wire (snake_case, leave as ISO ranges). */
function userWire(u: DirectoryUser): Record<string, unknown> {
  return {
    id: u.id,
    name: u.name,
    teams: u.teams,
    active: u.active,
    status: u.status,
    checked_in: u.checkedIn,
    workday: u.workday,
    holidays: u.holidays,
    leave: u.leave.map((l) => ({ from: isoOrNull(l.startMs), to: isoOrNull(l.endMs) })),
    open_load: u.openLoad,
    fields: u.fields,
  };
}
