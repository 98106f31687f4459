// Renders a decision and its explain trace as plain text, for `dist explain`
// and for failing `dist test` cases: the rules tried (with the false condition
// and the values it saw), the pool, whom each filter dropped and why, the
// method's state before and after, what each rule of a workflow chose, and the
// outcome.
import type { ConditionTrace, ExplainedDecision, FilterTrace, RuleTrace, WorkflowStepTrace, WorkflowTrace } from './types';

/** Maps a rule id to a place such as `rules/inbound.dist:12` (or the id itself). */
export type RuleLocator = (ruleId: string) => string;

/** The decision as readable text; `locate` adds `file:line` to rule names. */
export function explainText(decision: ExplainedDecision, locate?: RuleLocator): string {
  const lines: string[] = [];
  const where = (ruleId: string) => (locate ? ` (${locate(ruleId)})` : '');
  lines.push(
    `decision ${decision.id}: ${decision.eventType} ${decision.entity} ${decision.recordId} at ${new Date(decision.decidedAt).toISOString()}` +
      (decision.cause === 'event' ? '' : ` (${decision.cause})`),
  );
  const { trace } = decision;
  lines.push('rules:');
  if (trace.stale) lines.push('  (the rules changed since this decision; shown as the current rules see the record)');
  if (trace.rules.length === 0) lines.push('  (no rule listens to this event)');
  for (const rule of trace.rules) lines.push(...ruleLines(rule, where(rule.ruleId)));
  lines.push(...distributionLines(trace, ''));
  if (trace.workflow) lines.push(...workflowLines(trace.workflow, where));
  if (trace.turnover) {
    const t = trace.turnover;
    const each = t.values.map((v) => `${v.user} ${v.value ?? 'not set'}`).join(', ');
    lines.push(`turnover: ${t.total}${t.min === null ? '' : ` (minimum ${t.min})`}: ${each}`);
  }
  const o = trace.outcome;
  const to = o.assigned.length > 0 ? ` → ${o.assigned.join(', ')}` : o.queue !== null ? ` → queue \`${o.queue}\`` : '';
  lines.push(`outcome: ${o.outcome}${to}${o.reason ? ` (${o.reason})` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The pool, filters and method of one distribution, each line after `indent`. */
function distributionLines(trace: Pick<WorkflowStepTrace, 'pool' | 'filters' | 'method'>, indent: string): string[] {
  const lines: string[] = [];
  if (trace.pool) {
    const users = trace.pool.users.length > 0 ? trace.pool.users.join(', ') : '(empty)';
    lines.push(`pool (${trace.pool.kind}): ${users}`);
    for (const d of trace.pool.dropped) lines.push(`  dropped ${d.user}: ${d.reason}`);
    if (trace.pool.whereFalse) lines.push(`  ${trace.pool.whereFalse} users did not satisfy \`where\``);
  }
  if (trace.filters && trace.filters.length > 0) {
    lines.push('filters:');
    for (const filter of trace.filters) lines.push(...filterLines(filter));
  }
  if (trace.method) {
    const m = trace.method;
    lines.push(`method ${m.method}:`);
    if (m.before !== null && m.before !== undefined) lines.push(`  before: ${JSON.stringify(m.before)}`);
    if (m.after !== null && m.after !== undefined) lines.push(`  after:  ${JSON.stringify(m.after)}`);
    if (m.ranking) lines.push(`  ranking: ${m.ranking.map((r) => `${r.user} (${JSON.stringify(r.value)})`).join(', ')}`);
  }
  return lines.map((line) => indent + line);
}

/** Each rule of a workflow, in order: whom it chose or why nobody, and its own distribution. */
function workflowLines(workflow: WorkflowTrace, where: (ruleId: string) => string): string[] {
  const take = `${workflow.take.count === null ? '' : `take ${workflow.take.count} `}min ${workflow.take.min}`;
  const lines = [`workflow "${workflow.workflow}" (${take}):`];
  workflow.steps.forEach((step, i) => {
    const chose = step.assigned.length > 0 ? `→ ${step.assigned.join(', ')}` : 'chose nobody';
    lines.push(`  ${i + 1}. "${step.rule}"${where(step.ruleId)}: ${chose}${step.reason ? ` (${step.reason})` : ''}`);
    lines.push(...distributionLines(step, '     '));
    if (step.turnover) lines.push(`     turnover: ${step.turnover.total}${step.turnover.min === null ? '' : ` (minimum ${step.turnover.min})`}`);
  });
  return lines;
}

function ruleLines(rule: RuleTrace, where: string): string[] {
  const name = `"${rule.rule}"${where}`;
  if (rule.skipped !== undefined) return [`  - ${name}: skipped, ${rule.skipped}`];
  if (rule.matched) return [`  ✓ ${name}: matched`];
  const lines = [`  ✗ ${name}: ${rule.failed ? conditionText(rule.failed) : 'did not match'}`];
  return lines;
}

/** `lead.score >= 80 is false (lead.score = 72)`. */
function conditionText(c: ConditionTrace): string {
  const values = Object.entries(c.values).map(([k, v]) => `${k} = ${v === null ? 'not set' : JSON.stringify(v)}`);
  return `\`${c.text}\` is ${c.value ? 'true' : 'false'}${values.length > 0 ? ` (${values.join(', ')})` : ''}`;
}

function filterLines(filter: FilterTrace): string[] {
  if (filter.dropped.length === 0) return [`  ${filter.filter}: nobody dropped`];
  return [`  ${filter.filter}:`, ...filter.dropped.map((d) => `    dropped ${d.user}: ${d.reason}`)];
}
