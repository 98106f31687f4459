// Why each candidate did or did not get a record, read from a decision's trace:
// every user of the matched rule's pool with the stage that settled them — the
// pool (inactive, outside the team, `where` false), the first eligibility filter
// or quota that dropped them, or the distribution method that chose another —
// and, for any user asked about, the one reason that applies ("why not Alice?").
// A workflow's decision reads each of its rules' steps: a user's reason names
// the rule that chose them, or what each rule's pool, filters and method did.
import type { Trace, WorkflowStepTrace, WorkflowTrace } from './types';

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
  const pools = trace.workflow ? trace.workflow.steps.map((step) => step.pool) : [trace.pool];
  const order = pools.flatMap((pool) => (pool ? [...pool.users, ...pool.dropped.map((d) => d.user)] : []));
  return [...new Set(order)].map((user) => explainCandidate(trace, user));
}

/** Why `user` did or did not get the record of this decision. */
export function explainCandidate(trace: PoolPart, user: string): Candidate {
  if (trace.workflow) return inWorkflow(trace, trace.workflow, user);
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

/** A user of a workflow's decision: what the rule that chose them did, or what each rule that formed a pool did. */
function inWorkflow(trace: PoolPart, workflow: WorkflowTrace, user: string): Candidate {
  const parts = workflow.steps.filter((step) => step.pool).map((step) => ({ rule: step.rule, candidate: explainCandidate(stepTrace(trace, step), user) }));
  const chose = parts.find((p) => p.candidate.status === 'assigned');
  if (chose && trace.outcome.assigned.includes(user)) return { ...chose.candidate, reason: `\`${chose.rule}\`: ${chose.candidate.reason}` };
  if (chose) {
    const why = trace.outcome.reason ?? 'the record was not distributed';
    return { ...chose.candidate, status: 'passed over', reason: `\`${chose.rule}\` chose them, but nobody was assigned: ${why}` };
  }
  const reached = parts.filter((p) => p.candidate.status !== 'not a candidate');
  if (reached.length === 0) return { user, status: 'not a candidate', stage: 'pool', step: null, reason: `not in the pool of any rule of workflow \`${workflow.workflow}\`` };
  const settled = reached.find((p) => p.candidate.status === 'passed over') ?? reached[0]!;
  return { ...settled.candidate, reason: reached.map((p) => `\`${p.rule}\`: ${p.candidate.reason}`).join('; ') };
}

/** One rule's step of a workflow as a decision's trace of its own. */
function stepTrace(trace: PoolPart, step: WorkflowStepTrace): PoolPart {
  return {
    filters: step.filters ?? [],
    ...(step.pool ? { pool: step.pool } : {}),
    ...(step.method ? { method: step.method } : {}),
    outcome: { ...trace.outcome, assigned: step.assigned, reason: step.reason ?? null },
  };
}

/** ` (ranked by 3)` when the method ranked the user. */
function rankText(trace: PoolPart, user: string): string {
  const entry = trace.method?.ranking?.find((r) => r.user === user);
  return entry ? ` (its value for them: ${JSON.stringify(entry.value)})` : '';
}
