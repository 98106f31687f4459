// The read endpoints: the decision log (`GET /v1/decisions`, paged newest first, or all
// of it as NDJSON, oldest first, for replays with `format=ndjson`,
// filtered by record, entity, rule, user, outcome, team and time), one decision
// with its explain trace, every candidate's part in it and deliveries
// (`GET /v1/decisions/{id}`, `?why=USER` for one user), the rules the caller may
// see (`GET /v1/rules`) and statistics (`GET /v1/stats`). A bearer token is
// required (or a loopback client when no admin token is set); a team-limited
// token sees only its team's rules and the decisions of rules scoped to its team
// when they decided — others are simply not there for it.
import type { FastifyInstance } from 'fastify';
import { pendingEntry, readDeliveryLog } from '../outbox/delivery-log';
import { inTransaction, type DecisionFilter } from '../../runtime/state/store';
import { authenticate } from '../auth';
import type { ServerContext } from '../context';
import { exportDecisions, exportLine } from '../decision-export';
import { inView, readPage, rulesVisibleTo, scanDecisions, viewFilter, viewTeam } from '../decision-log';
import { ApiError, parseWith } from '../errors';
import { DecisionDetailQuery, DecisionQuery, StatsQuery } from '../schemas';
import { firstEvents, StatsBuilder, statsWire } from '../stats';
import { statsFromRollups } from '../stats-rollups';
import { decisionDetail, decisionEntry, isoOrNull, ruleEntry } from '../wire';
import { explainCandidate } from '../../api';

/** Decisions the statistics look at, at most (stores without rollups). */
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
    const visible = viewFilter(filter, viewTeam(caller, query.team));
    if (query.format === 'ndjson') {
      const { before: _, ...range } = visible ?? {};
      const decisions = visible === null ? [] : await exportDecisions(ctx.store, range);
      return reply.type('application/x-ndjson; charset=utf-8').send(decisions.map((d) => `${exportLine(d)}\n`).join(''));
    }
    const page = await readPage(ctx.store, visible, query.limit);
    return { decisions: page.decisions.map((d) => ({ ...decisionEntry(d), team: d.team ?? null })), next: page.next };
  });

  app.get<{ Params: { id: string } }>('/v1/decisions/:id', async (request) => {
    const caller = authenticate(ctx.secrets, request);
    const query = parseWith(DecisionDetailQuery, request.query, 'invalid_query', 'the query');
    const { id } = request.params;
    const found = await inTransaction(ctx.store, async (tx) => {
      const decision = await tx.getDecision(id);
      return decision && { decision, log: await readDeliveryLog(tx, id) };
    });
    if (!found || !inView(viewTeam(caller), found.decision)) throw new ApiError(404, 'not_found', `no decision \`${id}\``);
    const pending = ctx.worker.pendingFor(id).map(pendingEntry);
    const detail = { ...decisionDetail(ctx.live.current.engine.explain(found.decision), [...found.log, ...pending]), team: found.decision.team ?? null };
    return query.why === undefined ? detail : { ...detail, why: explainCandidate(found.decision.trace, query.why) };
  });

  app.get('/v1/rules', async (request) => {
    const caller = authenticate(ctx.secrets, request);
    const { program } = ctx.live.current;
    return { rules: rulesVisibleTo(caller, program).map(ruleEntry) };
  });

  app.get('/v1/stats', async (request) => {
    const caller = authenticate(ctx.secrets, request);
    const query = parseWith(StatsQuery, request.query, 'invalid_query', 'the query');
    const { program } = ctx.live.current;
    const range = { fromMs: query.from, toMs: query.to };
    const team = viewTeam(caller, query.team);
    const head = { from: isoOrNull(query.from), to: isoOrNull(query.to), team: query.team ?? null };
    const summed = team === false ? null : await statsFromRollups(ctx.store, program, range, team ?? undefined);
    if (summed) return { ...head, truncated: false, ...statsWire(summed) };
    const stats = new StatsBuilder(program);
    const truncated = await scanDecisions(ctx.store, viewFilter(range, team), STATS_MAX, (d) => stats.add(d));
    return { ...head, truncated, ...statsWire(stats.figures(await firstEvents(ctx.store, stats.seen()))) };
  });
}
