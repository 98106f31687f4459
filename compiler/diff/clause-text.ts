// IR rule clauses and settings written back as `.dist` text, one line each, so a
// rule diff shows every clause as the formatter would write it (conditions go
// through compiler/ir-print.ts). A clause the rule leaves at its default prints
// as null, so "added" and "removed" clauses read naturally.
import { formatDuration } from '../../language/literals';
import type { EventSpec, Expectation, Fallback, Method, Pool, Program, RetryWindow, Rule, Settings } from '../ir';
import { printIrExpr } from '../ir-print';

/** The clauses a rule diff compares, in the order the formatter writes them. */
export const RULE_CLAUSES = ['status', 'scope', 'on', 'when', 'assign', 'require', 'distribute', 'take', 'turnover', 'expect', 'fallback', 'reassign', 'description'] as const;
export type RuleClause = (typeof RULE_CLAUSES)[number] | 'priority';

/** A rule's clause as text (`assign teams "Sales East"`); null when the rule leaves it at its default. */
export function clauseText(rule: Rule, clause: RuleClause): string | null {
  switch (clause) {
    case 'priority':
      return `priority ${rule.priority}`;
    case 'status':
      return rule.status === 'active' ? null : `status ${rule.status}`;
    case 'scope':
      return rule.scope.kind === 'global' ? null : `scope team ${quote(rule.scope.team)}`;
    case 'on':
      return `on ${rule.events.map(eventText).join(', ')}`;
    case 'when':
      return rule.when ? `when ${printIrExpr(rule.when)}` : null;
    case 'assign':
      return `assign ${poolText(rule.pool)}`;
    case 'require':
      return rule.require.length === 0 ? null : `require ${rule.require.map((r) => (r.withinMs === null ? r.flag : `${r.flag} within ${r.within ?? formatDuration(r.withinMs)}`)).join(', ')}`;
    case 'distribute':
      return `distribute ${methodText(rule.method)}`;
    case 'take':
      return rule.take.count === 1 && rule.take.min === 1 ? null : `take ${rule.take.count}${rule.take.min === 1 ? '' : ` min ${rule.take.min}`}`;
    case 'turnover':
      return rule.turnover ? `turnover ${printIrExpr(rule.turnover.expr)}${rule.turnover.min === null ? '' : ` min ${rule.turnover.min}`}` : null;
    case 'expect':
      return rule.expect ? expectText(rule.expect) : null;
    case 'fallback':
      return rule.fallback ? `fallback ${fallbackText(rule.fallback)}` : null;
    case 'reassign': {
      const r = rule.reassign;
      if (!r) return null;
      return `reassign after ${formatDuration(r.afterMs)}${r.when ? ` when ${printIrExpr(r.when)}` : ''}${r.max === 1 ? '' : ` max ${r.max}`}`;
    }
    case 'description':
      return rule.description === null ? null : `description ${quote(rule.description)}`;
  }
}

/** Every clause of a rule as text, priority first, defaults left out. */
export function ruleLines(rule: Rule): string[] {
  return [clauseText(rule, 'priority')!, ...RULE_CLAUSES.map((c) => clauseText(rule, c)).filter((t): t is string => t !== null)];
}

/** The settings a diff compares, each as its `.dist` line(s). */
export function settingsLines(settings: Settings): Map<string, string | null> {
  const lines = new Map<string, string | null>();
  lines.set('timezone', `timezone ${quote(settings.timezone)}`);
  lines.set('trigger', `trigger ${settings.trigger}`);
  lines.set('capacity', settings.capacity ? `capacity ${printIrExpr(settings.capacity)}` : null);
  for (const q of settings.quotas) lines.set(`quota ${q.period}`, `quota ${q.period} ${printIrExpr(q.limit)}`);
  lines.set('unmatched', `unmatched queue ${quote(settings.unmatched.queue)}${retryText(settings.unmatched.retry)}`);
  lines.set('expect', settings.expect ? expectText(settings.expect) : null);
  return lines;
}

/** Each workflow of a program as one line (`rules "A", "B" take 4 min 2`), by `workflow "Name"`; its rules by name. */
export function workflowLines(program: Program): Map<string, string> {
  const names = new Map(program.rules.map((r) => [r.id, r.name]));
  const lines = new Map<string, string>();
  for (const w of program.workflows ?? []) {
    const take = w.take.count === null ? (w.take.min === 1 ? '' : ` min ${w.take.min}`) : ` take ${w.take.count}${w.take.min === 1 ? '' : ` min ${w.take.min}`}`;
    lines.set(`workflow ${quote(w.name)}`, `rules ${w.rules.map((id) => quote(names.get(id) ?? id)).join(', ')}${take}`);
  }
  return lines;
}

function eventText(e: EventSpec): string {
  return `${e.entity}.${e.kind}${e.fields === null ? '' : `(${e.fields.join(', ')})`}`;
}

/** A pool as written after `assign`. */
export function poolText(pool: Pool): string {
  switch (pool.kind) {
    case 'users':
      return `users ${pool.users.map(quote).join(', ')}${pool.where ? ` where ${printIrExpr(pool.where)}` : ''}`;
    case 'dynamic':
      return `users where ${printIrExpr(pool.where)}`;
    case 'teams':
      return `teams ${pool.teams.map(quote).join(', ')}`;
    case 'groups':
      return `groups ${pool.groups.map(quote).join(', ')}`;
    case 'anyone':
      return 'anyone';
  }
}

/** A method as written after `distribute`. */
export function methodText(method: Method): string {
  switch (method.kind) {
    case 'weighted':
      return `weighted { ${method.weights.map((w) => `${quote(w.key)}: ${w.weight}`).join(', ')} }`;
    case 'weighted_by':
      return `weighted by user.${method.field} { ${method.weights.map((w) => `${quote(w.key)}: ${w.weight}`).join(', ')} }`;
    case 'score':
      return `score ${printIrExpr(method.expr)}`;
    case 'ordered':
      return `ordered by ${method.keys.map((k) => `${printIrExpr(k.expr)} ${k.direction}`).join(', ')}`;
    default:
      return method.kind;
  }
}

function fallbackText(fallback: Fallback): string {
  return fallback.kind === 'user' ? `user ${quote(fallback.user)}` : `queue ${quote(fallback.queue)}${retryText(fallback.retry)}`;
}

function retryText(retry: RetryWindow | null): string {
  return retry ? ` retry every ${formatDuration(retry.everyMs)} for ${formatDuration(retry.forMs)}` : '';
}

function expectText(e: Expectation): string {
  return `expect ${e.count} per ${e.per}`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}
