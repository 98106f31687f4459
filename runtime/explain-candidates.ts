// Why each candidate did or did not get a record, read from a decision's trace:
// every user of the matched rule's pool with the stage that settled them — the
// pool (inactive, outside the team, `where` false), the first eligibility filter
// or quota that dropped them, or the distribution method that chose another —
// and, for any user asked about, the one reason that applies ("why not Alice?").
import type { Trace } from './types';

/** What the candidates are read from: a logged trace or an explained one. */
type PoolPart = Omit<Trace, 'match'>;

/** Where a candidate was settled. */
export type CandidateStage = 'pool' | 'filter' | 'method' | 'none';

/** One user's part in a decision. */
export interface Candidate {
  user: string;
  /** `assigned`: got the record; `dropped`: removed by the pool or a filter; `passed over`: eligible, the method chose another; `not a candidate`: never in the pool. */
  status: 'assigned' | 'dropped' | 'passed over' | 'not a candidate';
  stage: CandidateStage;
  /** The pool or filter name (`checked_in`, `quota hourly`, …) or the method. */
  step: string | null;
  reason: string;
}

/** Every user the matched rule's pool named, in pool order (dropped ones after), with what settled them. */
export function explainCandidates(trace: PoolPart): Candidate[] {
  if (!trace.pool) return [];
  const order = [...trace.pool.users, ...trace.pool.dropped.map((d) => d.user)];
  return [...new Set(order)].map((user) => explainCandidate(trace, user));
}

/** Why `user` did or did not get the record of this decision. */
export function explainCandidate(trace: PoolPart, user: string): Candidate {
  const { pool, method, outcome } = trace;
  if (outcome.assigned.includes(user)) {
    const how = method ? `chosen by ${method.method}${rankText(trace, user)}` : `assigned as the ${outcome.outcome} user`;
    return { user, status: 'assigned', stage: method ? 'method' : 'none', step: method?.method ?? null, reason: how };
  }
  if (!pool) {
    const why = outcome.reason ?? 'no rule matched';
    return { user, status: 'not a candidate', stage: 'none', step: null, reason: `no pool was formed: ${why}` };
  }
  const atPool = pool.dropped.find((d) => d.user === user);
  if (atPool) return { user, status: 'dropped', stage: 'pool', step: pool.kind, reason: atPool.reason };
  if (!pool.users.includes(user)) {
    const where = pool.whereFalse ? ' (its `where` was false for them, or they are not in the directory)' : '';
    return { user, status: 'not a candidate', stage: 'pool', step: pool.kind, reason: `not in the rule's ${pool.kind} pool${where}` };
  }
  for (const filter of trace.filters) {
    const drop = filter.dropped.find((d) => d.user === user);
    if (drop) return { user, status: 'dropped', stage: 'filter', step: filter.filter, reason: drop.reason };
  }
  if (!method) {
    return { user, status: 'passed over', stage: 'none', step: null, reason: outcome.reason ?? 'the record was not distributed' };
  }
  const chosen = outcome.assigned.length > 0 ? outcome.assigned.join(', ') : 'nobody';
  return { user, status: 'passed over', stage: 'method', step: method.method, reason: `eligible, but ${method.method} chose ${chosen}${rankText(trace, user)}` };
}

/** ` (ranked by 3)` when the method ranked the user. */
function rankText(trace: PoolPart, user: string): string {
  const entry = trace.method?.ranking?.find((r) => r.user === user);
  return entry ? ` (its value for them: ${JSON.stringify(entry.value)})` : '';
}
