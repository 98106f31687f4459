// The decision pipeline inside one transaction (RUNTIME.md steps 2–7): find,
// through the rule index, the first rule in priority order that the event
// reaches and whose `when` holds, distribute it, turn the result into an outcome
// (assigned, fallback user or queue, unmatched queue), apply its effects, and log
// the decision with its compact trace (explain-rules.ts rebuilds the rules
// tried on demand). A rule in a workflow distributes with the workflow's other
// rules (workflow.ts). Timers (timers.ts) reuse `distribute` and `finish`.
import type { Rule } from '../compiler/ir';
import type { DirectoryIndex } from './directory-index';
import { alsoChanged, distribute, type Distribution } from './distribute';
import type { EligibilityMemos } from './eligibility-memo';
import { assignRecord, enqueueRecord, nextId, scheduleTimer } from './effects';
import type { EvalContext } from './evaluator/context';
import type { ProgramIndex } from './program-index';
import { recordView, saveRecord, type RecordState } from './record-state';
import { locks } from './state-keys';
import type { Transaction } from './state/store';
import type { Decision, MatchTrace, Outcome, Trace } from './types';
import { distributeWorkflow, workflowOf, type WorkflowDistribution } from './workflow';

/** Everything a decision reads besides state. */
export interface EngineEnv {
  program: ProgramIndex;
  dir: DirectoryIndex;
  now: number;
  /** Add an outbox item per decision (the server delivers them). */
  outbox: boolean;
  /** Eligibility kept between decisions, when the store reports its commits (eligibility-memo.ts). */
  memos: EligibilityMemos | null;
}

/** Why a decision is being made. */
export interface DecisionCause {
  eventId: string;
  eventType: string;
  changed: readonly string[];
  cause: Decision['cause'];
}

/** An outcome before its effects are applied. */
export interface ResolvedOutcome {
  outcome: Outcome;
  assigned: string[];
  reason: string | null;
  queue: string | null;
  retry: { everyMs: number; forMs: number } | null;
}

/** Routes the record through the rules of its event (first match through the rule index) and logs the decision. */
export async function route(env: EngineEnv, tx: Transaction, record: RecordState, cause: DecisionCause): Promise<Decision> {
  const view = recordView(record);
  const ctx: EvalContext = { entity: record.entity, record: view, user: null, payload: null, now: env.now };
  const matched = env.program.matcher.firstMatch(cause.eventType, cause.changed, ctx);
  const match: MatchTrace = { via: 'rules', record: view, changed: [...cause.changed] };
  if (!matched) return finish(env, tx, record, cause, { rule: null, match }, unmatched(env.program, record));
  const workflow = workflowOf(env.program, matched.rule.id);
  if (workflow) {
    const touched = [...new Set(workflow.members.flatMap((m) => alsoChanged(record, m.compiled.rule)))];
    const chain = await distributeWorkflow(env, tx, workflow, view, { type: cause.eventType, changed: cause.changed }, new Set(isRetry(cause) ? record.holders : []), touched);
    const resolved = chain.assigned.length > 0 ? assignedTo(chain.assigned) : fallback(env.program, matched.rule, chain.reason ?? 'no eligible user');
    return finish(env, tx, record, cause, { rule: matched.rule, match, workflow: chain }, resolved);
  }
  // Nothing is written yet in this transaction, so what the memos kept from earlier commits holds.
  const distribution = await distribute({ ...env, memo: env.memos }, tx, matched, view, new Set(isRetry(cause) ? record.holders : []), alsoChanged(record, matched.rule));
  return finish(env, tx, record, cause, { rule: matched.rule, match, distribution }, resolve(env.program, matched.rule, distribution));
}

/** A queue retry (timed or manual) may assign only users who never had the record, so retries cannot hand it back and forth. */
function isRetry(cause: DecisionCause): boolean {
  return cause.cause === 'retry' || cause.cause === 'manual-retry';
}

/** The outcome of a distribution: its users, or the rule's fallback. */
export function resolve(program: ProgramIndex, rule: Rule, distribution: Distribution): ResolvedOutcome {
  if (distribution.assigned.length > 0) return assignedTo(distribution.assigned);
  return fallback(program, rule, distribution.reason ?? 'no eligible user');
}

function assignedTo(users: string[]): ResolvedOutcome {
  return { outcome: 'assigned', assigned: users, reason: null, queue: null, retry: null };
}

/** The rule's fallback for `reason`; without a fallback clause, the project's unmatched queue. */
export function fallback(program: ProgramIndex, rule: Rule, reason: string): ResolvedOutcome {
  const fb = rule.fallback;
  if (fb?.kind === 'user') return { outcome: 'fallback', assigned: [fb.user], reason, queue: null, retry: null };
  if (fb?.kind === 'queue') return { outcome: 'fallback', assigned: [], reason, queue: fb.queue, retry: fb.retry };
  const { queue, retry } = program.program.settings.unmatched;
  return { outcome: 'fallback', assigned: [], reason: `${reason}; the rule has no fallback, so the unmatched queue`, queue, retry };
}

function unmatched(program: ProgramIndex, record: RecordState): ResolvedOutcome {
  if (record.owners.length > 0) {
    return { outcome: 'unmatched', assigned: [], reason: 'no rule matched; the record keeps its owner', queue: null, retry: null };
  }
  const { queue, retry } = program.program.settings.unmatched;
  return { outcome: 'unmatched', assigned: [], reason: 'no rule matched', queue, retry };
}

/** The trace parts gathered before the outcome. */
export interface TraceParts {
  rule: Rule | null;
  match: MatchTrace;
  distribution?: Distribution;
  /** Set instead of `distribution` when the rule is in a workflow. */
  workflow?: WorkflowDistribution;
}

/** Applies an outcome's effects, saves the record and logs the decision. */
export async function finish(
  env: EngineEnv,
  tx: Transaction,
  record: RecordState,
  cause: DecisionCause,
  parts: TraceParts,
  resolved: ResolvedOutcome,
): Promise<Decision> {
  // Held already when a distribution ran; otherwise the first (and only) user locks of the decision.
  await tx.lock([...resolved.assigned, ...record.loaded].map(locks.user));
  const id = await nextId(tx, 'decision', 'd');
  const { rule, distribution } = parts;
  if (resolved.assigned.length > 0) await assignRecord(env, tx, record, resolved.assigned, true);
  if (resolved.queue !== null) {
    await enqueueRecord(env, tx, record, {
      queue: resolved.queue,
      retry: resolved.retry,
      reason: resolved.reason ?? '',
      decisionId: id,
      eventId: cause.eventId,
    });
  }
  if (resolved.outcome === 'assigned' && rule?.reassign) {
    await scheduleTimer(tx, record, { kind: 'reassign', dueAt: env.now + rule.reassign.afterMs, ruleId: rule.id, queue: null, eventId: cause.eventId });
  }
  await saveRecord(tx, record);
  const trace: Trace = {
    match: parts.match,
    filters: distribution?.filters ?? [],
    outcome: { outcome: resolved.outcome, assigned: resolved.assigned, reason: resolved.reason, queue: resolved.queue },
  };
  if (distribution) trace.pool = distribution.pool;
  if (distribution?.method) trace.method = distribution.method;
  if (distribution?.turnover && resolved.outcome === 'assigned') trace.turnover = distribution.turnover;
  if (parts.workflow) {
    trace.workflow = parts.workflow.trace;
    if (parts.workflow.turnover && resolved.outcome === 'assigned') trace.turnover = parts.workflow.turnover;
  }
  const decision: Decision = {
    id,
    eventId: cause.eventId,
    eventType: cause.eventType,
    entity: record.entity,
    recordId: record.id,
    decidedAt: env.now,
    outcome: resolved.outcome,
    ruleId: rule?.id ?? null,
    rule: rule?.name ?? null,
    ...(rule?.scope.kind === 'team' ? { team: rule.scope.team } : {}),
    assigned: resolved.assigned,
    reason: resolved.reason,
    queue: resolved.queue,
    cause: cause.cause,
    trace,
  };
  await tx.appendDecision(decision);
  if (env.outbox) await tx.addOutbox({ id: await nextId(tx, 'outbox', 'o'), decisionId: id, createdAt: env.now });
  return decision;
}
