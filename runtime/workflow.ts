// A workflow's distribution (`workflow "Name" { rules "A", "B" take N min M }`):
// when a rule of a workflow is the first to take a record, each of the
// workflow's rules that sees the event and whose `when` holds distributes in
// turn, in the workflow's order, with `distribute` (distribute.ts) as it would
// alone, never choosing a user an earlier rule chose and never more than the
// cap leaves. A rule that cannot reach its own `min` or turnover minimum
// chooses nobody and the next rule goes on. With fewer than the workflow's
// `min` users in all, nobody is assigned and no rule's rotation moves: the
// distributions run over held writes (held-writes.ts) that are released only
// when the workflow assigns. Locks follow the store's class order: every rule
// of the workflow first, then, in one call, every user any of their pools can
// draw from together with the users the decision may touch.
import type { Rule, Workflow } from '../compiler/ir';
import { distribute, type DistributeEnv } from './distribute';
import { compileCondition, type CompiledCondition } from './evaluator/compile-expr';
import type { EvalContext, RecordView } from './evaluator/context';
import { HeldWrites } from './held-writes';
import { poolSource } from './pools';
import type { CompiledRule, ProgramIndex } from './program-index';
import { locks } from './state-keys';
import type { Transaction } from './state/store';
import type { TurnoverTrace, WorkflowStepTrace, WorkflowTrace } from './types';

/** A workflow with its rules compiled, in its order. */
export interface PreparedWorkflow {
  workflow: Workflow;
  members: { compiled: CompiledRule; when: CompiledCondition | null }[];
  /** A member's rule with a smaller `take` count, when the cap leaves it fewer users than its own (by rule id, then count). */
  narrowed: Map<string, Map<number, CompiledRule>>;
}

/** The result of a workflow's distribution. */
export interface WorkflowDistribution {
  /** Every user chosen, in the order chosen; empty when the fallback must run. */
  assigned: string[];
  reason: string | null;
  trace: WorkflowTrace;
  /** Every assignee's value under the `turnover` of the rule that chose them, when any of them has one. */
  turnover?: TurnoverTrace;
}

const preparedBy = new WeakMap<ProgramIndex, ReadonlyMap<string, PreparedWorkflow>>();

/** The workflow the rule `ruleId` belongs to, or null. */
export function workflowOf(program: ProgramIndex, ruleId: string): PreparedWorkflow | null {
  let byRule = preparedBy.get(program);
  if (!byRule) {
    const map = new Map<string, PreparedWorkflow>();
    for (const workflow of program.program.workflows ?? []) {
      const members = workflow.rules.flatMap((id) => {
        const compiled = program.byId.get(id);
        return compiled ? [{ compiled, when: compiled.rule.when ? compileCondition(compiled.rule.when) : null }] : [];
      });
      const prepared: PreparedWorkflow = { workflow, members, narrowed: new Map() };
      for (const id of workflow.rules) map.set(id, prepared);
    }
    preparedBy.set(program, (byRule = map));
  }
  return byRule.get(ruleId) ?? null;
}

/** Why `rule` does not take part for this event and record; null when it does. */
function sitsOut(rule: Rule, when: CompiledCondition | null, eventType: string, changed: readonly string[], ctx: EvalContext): string | null {
  if (rule.status !== 'active') return `status ${rule.status}`;
  const specs = rule.events.filter((e) => `${e.entity}.${e.kind}` === eventType);
  if (specs.length === 0) return `its \`on\` does not name \`${eventType}\``;
  if (!specs.some((e) => e.fields === null || e.fields.some((f) => changed.includes(f)))) return 'none of its `updated(…)` fields changed';
  if (when && !when(ctx)) return 'its `when` does not hold';
  return null;
}

/** The member's rule with `take` count `count` (its own object when that is its own count). */
function withCount(prepared: PreparedWorkflow, compiled: CompiledRule, count: number): CompiledRule {
  if (count === compiled.rule.take.count) return compiled;
  let byCount = prepared.narrowed.get(compiled.rule.id);
  if (!byCount) prepared.narrowed.set(compiled.rule.id, (byCount = new Map()));
  let narrowed = byCount.get(count);
  if (!narrowed) byCount.set(count, (narrowed = { ...compiled, rule: { ...compiled.rule, take: { ...compiled.rule.take, count } } }));
  return narrowed;
}

/**
 * Distributes `record` under every rule of `prepared` that takes it, never
 * choosing a user in `excluded`; `touched` are the users besides the pools whose
 * state the decision may change (the record's owners, fallback users).
 */
export async function distributeWorkflow(
  env: DistributeEnv,
  tx: Transaction,
  prepared: PreparedWorkflow,
  record: RecordView,
  event: { type: string; changed: readonly string[] },
  excluded: ReadonlySet<string>,
  touched: readonly string[],
): Promise<WorkflowDistribution> {
  const { workflow, members } = prepared;
  const ctx: EvalContext = { entity: members[0]!.compiled.rule.entity, record, user: null, payload: null, now: env.now };
  await tx.lock(members.map((m) => locks.rule(m.compiled.rule.id)));
  const everyone = new Set(touched);
  for (const m of members) for (const u of poolSource(m.compiled, env.dir).users) everyone.add(u.user.id);
  await tx.lock([...everyone].map(locks.user));

  const held = new HeldWrites(tx);
  const chosen: string[] = [];
  const steps: WorkflowStepTrace[] = [];
  const earned: TurnoverTrace[] = [];
  const cap = workflow.take.count;
  for (const { compiled, when } of members) {
    const rule = compiled.rule;
    const step: WorkflowStepTrace = { ruleId: rule.id, rule: rule.name, assigned: [] };
    steps.push(step);
    const out = sitsOut(rule, when, event.type, event.changed, ctx);
    const left = cap === null ? rule.take.count : Math.min(rule.take.count, cap - chosen.length);
    if (out !== null) step.reason = out;
    else if (left <= 0) step.reason = `the workflow's \`take ${cap}\` is reached`;
    else if (left < rule.take.min) step.reason = `the workflow's \`take ${cap}\` leaves ${left}, fewer than the rule's \`min ${rule.take.min}\``;
    if (step.reason !== undefined) continue;
    const result = await distribute(env, held, withCount(prepared, compiled, left), record, new Set([...excluded, ...chosen]), touched);
    step.assigned = result.assigned;
    step.pool = result.pool;
    step.filters = result.filters;
    if (result.method) step.method = result.method;
    if (result.turnover && result.assigned.length > 0) {
      step.turnover = result.turnover;
      earned.push(result.turnover);
    }
    if (result.reason !== null) step.reason = result.reason;
    chosen.push(...result.assigned);
  }
  const trace: WorkflowTrace = { workflow: workflow.name, take: workflow.take, steps };
  if (chosen.length < workflow.take.min || chosen.length === 0) {
    const reason =
      chosen.length === 0
        ? `no rule of workflow \`${workflow.name}\` found an eligible user`
        : `the rules of workflow \`${workflow.name}\` chose ${chosen.length}, fewer than its \`min ${workflow.take.min}\``;
    return { assigned: [], reason, trace };
  }
  await held.release();
  const result: WorkflowDistribution = { assigned: chosen, reason: null, trace };
  if (earned.length > 0) {
    const values = earned.flatMap((t) => t.values);
    result.turnover = { values, total: values.reduce((sum, v) => sum + (v.value ?? 0), 0), min: null };
  }
  return result;
}
