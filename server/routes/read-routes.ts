// The read endpoints: the decision log (`GET /v1/decisions`, paged newest first),
// or all of it as NDJSON, oldest first, for replays (`format=ndjson`),
// one decision with its explain trace and deliveries (`GET /v1/decisions/{id}`),
// and statistics (`GET /v1/stats`). A bearer token is required (or a loopback
// client when no admin token is set); a team-limited token sees only decisions of
// its team's rules — others are simply not there for it.
import type { FastifyInstance } from 'fastify';
import { pendingEntry, readDeliveryLog } from '../outbox/delivery-log';
import { inTransaction, type DecisionFilter } from '../../runtime/state/store';
import { authenticate } from '../auth';
import type { ServerContext } from '../context';
import { exportDecisions, exportLine } from '../decision-export';
import { readPage, scanDecisions, visibleTo } from '../decision-log';
import { ApiError, parseWith } from '../errors';
import { DecisionQuery, StatsQuery } from '../schemas';
import { firstEvents, StatsBuilder } from '../stats';
import { decisionDetail, decisionEntry, isoOrNull } from '../wire';

/** Decisions the statistics look at, at most. */
const STATS_MAX = 200_000;

/** Registers the read endpoints. */
export function registerReadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/decisions', async (request, reply) => {
    const caller = authenticate(ctx.secrets, request);
    const query = parseWith(DecisionQuery, request.query, 'invalid_query', 'the query');
    const { program } = ctx.live.current;
    const filter: DecisionFilter = {
      recordId: query.record,
      entity: query.entity,
      ruleId: query.rule === undefined ? undefined : (program.rules.find((r) => r.name === query.rule)?.id ?? query.rule),
      user: query.user,
      outcome: query.outcome,
      fromMs: query.from,
      toMs: query.to,
      before: query.before,
    };
    if (query.before !== undefined && !(await inTransaction(ctx.store, (tx) => tx.getDecision(query.before as string)))) {
      throw new ApiError(400, 'invalid_cursor', `\`before\` names no decision (\`${query.before}\`); start again without it, and page with the \`next\` of each answer`, [
        { path: 'before', message: 'not a decision id' },
      ]);
    }
    if (query.format === 'ndjson') {
      const { before: _, ...range } = filter;
      const decisions = await exportDecisions(ctx.store, range, visibleTo(caller, program));
      return reply.type('application/x-ndjson; charset=utf-8').send(decisions.map((d) => `${exportLine(d)}\n`).join(''));
    }
    const page = await readPage(ctx.store, filter, query.limit, visibleTo(caller, program));
    return { decisions: page.decisions.map(decisionEntry), next: page.next };
  });

  app.get<{ Params: { id: string } }>('/v1/decisions/:id', async (request) => {
    const caller = authenticate(ctx.secrets, request);
    const { id } = request.params;
    const found = await inTransaction(ctx.store, async (tx) => {
      const decision = await tx.getDecision(id);
      return decision && { decision, log: await readDeliveryLog(tx, id) };
    });
    const visible = visibleTo(caller, ctx.live.current.program);
    if (!found || (visible !== null && !visible(found.decision))) throw new ApiError(404, 'not_found', `no decision \`${id}\``);
    const pending = ctx.worker.pendingFor(id).map(pendingEntry);
    return decisionDetail(found.decision, [...found.log, ...pending]);
  });

  app.get('/v1/stats', async (request) => {
    const caller = authenticate(ctx.secrets, request);
    const query = parseWith(StatsQuery, request.query, 'invalid_query', 'the query');
    const { program } = ctx.live.current;
    const stats = new StatsBuilder(program);
    const truncated = await scanDecisions(ctx.store, { fromMs: query.from, toMs: query.to }, visibleTo(caller, program), STATS_MAX, (d) =>
      stats.add(d),
    );
    return { from: isoOrNull(query.from), to: isoOrNull(query.to), truncated, ...stats.result(await firstEvents(ctx.store, stats.seen())) };
  });
}
