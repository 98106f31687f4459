// Decisions as the API and the outbound deliveries show them: snake_case keys,
// ISO times, optional fields left out when empty. The summary is what an ingest
// endpoint answers; the entry adds what the decision log lists (with what the
// assignees earn, for a rule with a `turnover` clause, and what each rule of a
// workflow chose); the detail adds
// the explain trace and every candidate's part in the decision. Rules are listed
// with what the pages filter and show them by.
import type { PoolTrace, TurnoverTrace, WorkflowTrace } from '../runtime/types';
import { explainCandidates, type Decision, type ExplainedDecision, type ExplainedTrace, type Rule } from '../api';

/** `{ decision_id, event_id, outcome, rule, assigned, reason?, queue? }` (API.md). */
export interface DecisionSummary {
  decision_id: string;
  event_id: string;
  outcome: Decision['outcome'];
  rule: string | null;
  assigned: string[];
  reason?: string;
  queue?: string;
}

/** The answer of an ingest endpoint. */
export function decisionSummary(d: Omit<Decision, 'trace'>): DecisionSummary {
  const summary: DecisionSummary = {
    decision_id: d.id,
    event_id: d.eventId,
    outcome: d.outcome,
    rule: d.rule,
    assigned: d.assigned,
  };
  if (d.reason !== null) summary.reason = d.reason;
  if (d.queue !== null) summary.queue = d.queue;
  return summary;
}

/** A decision log entry: the summary with its record, rule id, cause and time, and `turnover` when its trace has one. */
export function decisionEntry(d: Omit<Decision, 'trace'> & { trace?: { turnover?: TurnoverTrace; workflow?: WorkflowTrace } }): DecisionSummary & Record<string, unknown> {
  const turnover = d.trace?.turnover;
  const workflow = d.trace?.workflow;
  return {
    ...decisionSummary(d),
    rule_id: d.ruleId,
    entity: d.entity,
    record_id: d.recordId,
    event_type: d.eventType,
    cause: d.cause,
    decided_at: new Date(d.decidedAt).toISOString(),
    ...(turnover ? { turnover: { total: turnover.total, min: turnover.min, values: turnover.values } } : {}),
    ...(workflow ? { workflow: workflowWire(workflow) } : {}),
  };
}

/** A workflow's part in a decision: its cap and minimum, and whom each of its rules chose or why nobody. */
function workflowWire(w: WorkflowTrace): Record<string, unknown> {
  return {
    name: w.workflow,
    take: w.take.count,
    min: w.take.min,
    steps: w.steps.map((s) => ({ rule_id: s.ruleId, rule: s.rule, assigned: s.assigned, ...(s.reason ? { reason: s.reason } : {}) })),
  };
}

/** One decision with its explain trace and candidates (`GET /v1/decisions/{id}`). */
export function decisionDetail(d: ExplainedDecision, deliveries: unknown[]): Record<string, unknown> {
  return { ...decisionEntry(d), trace: traceWire(d.trace), candidates: explainCandidates(d.trace), deliveries };
}

/** A rule as `GET /v1/rules` lists it. */
export function ruleEntry(r: Rule): Record<string, unknown> {
  return {
    rule_id: r.id,
    rule: r.name,
    priority: r.priority,
    status: r.status,
    team: r.scope.kind === 'team' ? r.scope.team : null,
    entity: r.entity,
    method: r.method.kind,
  };
}

function traceWire(trace: ExplainedTrace): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rules: trace.rules.map(({ ruleId, ...rest }) => ({ rule_id: ruleId, ...rest })),
    filters: trace.filters,
    outcome: trace.outcome,
  };
  if (trace.pool) out.pool = poolWire(trace.pool);
  if (trace.method) out.method = trace.method;
  if (trace.stale) out.stale = true;
  return out;
}

function poolWire({ whereFalse, ...pool }: PoolTrace): Record<string, unknown> {
  return whereFalse === undefined ? pool : { ...pool, where_false: whereFalse };
}

/** Epoch ms as ISO 8601, or null. */
export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
