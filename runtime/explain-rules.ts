// Explains a decision on demand: rebuilds the rules tried from the program and
// the record the decision logged, by walking every rule of the event type in
// priority order with the reference interpreter, exactly as a linear matcher
// would — skipped rules with the reason, each false `when` with its first false
// condition and the values it saw, and (coverage) every condition's value. The
// hot path (decide.ts) matches through the rule index and keeps none of this.
import type { Rule } from '../compiler/ir';
import type { EvalContext } from './evaluator/context';
import { explainCondition } from './evaluator/explain-expr';
import type { ProgramIndex } from './program-index';
import type { Decision, ExplainedDecision, RuleTrace } from './types';

/**
 * The decision with its rules tried. With `coverage`, every tried rule also lists
 * the value of each of its conditions. When the program is not the one that made
 * the decision (a reload since) and picks another rule for the record,
 * `trace.stale` is set: the rules shown are the current ones.
 */
export function explainDecision(program: ProgramIndex, decision: Decision, coverage = false): ExplainedDecision {
  const { match, ...rest } = decision.trace;
  let rules: RuleTrace[];
  if (match.via === 'reassign') {
    rules = decision.rule === null || decision.ruleId === null ? [] : [{ ruleId: decision.ruleId, rule: decision.rule, matched: true }];
  } else if (match.via === 'manual') {
    rules = []; // reported by hand: no rule was tried
  } else {
    const ctx: EvalContext = { entity: decision.entity, record: match.record, user: null, payload: null, now: decision.decidedAt };
    rules = rulesTried(program.rulesFor(decision.eventType), decision.eventType, match.changed, ctx, coverage);
  }
  const picked = rules.at(-1)?.matched ? rules.at(-1)!.ruleId : null;
  const explained: ExplainedDecision = { ...decision, trace: { ...rest, rules } };
  if (match.via === 'rules' && picked !== decision.ruleId) explained.trace.stale = true;
  return explained;
}

/** The linear walk: every rule in order until the first whose `when` holds. */
function rulesTried(rules: readonly { rule: Rule }[], eventType: string, changed: readonly string[], ctx: EvalContext, coverage: boolean): RuleTrace[] {
  const traces: RuleTrace[] = [];
  for (const { rule } of rules) {
    const skipped = skipReason(rule, eventType, changed);
    if (skipped !== null) {
      traces.push({ ruleId: rule.id, rule: rule.name, skipped, matched: false });
      continue;
    }
    const explained = rule.when ? explainCondition(rule.when, ctx, coverage) : { value: true };
    const trace: RuleTrace = { ruleId: rule.id, rule: rule.name, matched: explained.value };
    if (explained.failed) trace.failed = explained.failed;
    if (coverage && rule.when) trace.conditions = explained.conditions ?? [];
    traces.push(trace);
    if (explained.value) break;
  }
  return traces;
}

/** Why a rule is not tried for this event: not active, or none of its `updated(…)` fields changed; null when it is tried. */
export function skipReason(rule: Rule, eventType: string, changed: readonly string[]): string | null {
  if (rule.status !== 'active') return `status ${rule.status}`;
  const specs = rule.events.filter((e) => `${e.entity}.${e.kind}` === eventType);
  if (specs.some((e) => e.fields === null || e.fields.some((f) => changed.includes(f)))) return null;
  const fields = [...new Set(specs.flatMap((e) => e.fields ?? []))];
  return `none of ${fields.map((f) => `\`${f}\``).join(', ')} changed`;
}
