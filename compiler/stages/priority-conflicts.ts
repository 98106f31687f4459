// Priority conflicts (DIST309): two active rules with the same priority that can
// see the same event (analysis/event-overlap.ts says when events overlap). Rules
// are grouped by priority and indexed by event, so the check stays linear in the
// number of rules. Reported on the later rule, with the fix that gives it the next
// priority no rule of the project has.
import { EventIndex } from '../analysis/event-overlap';
import { reportOn, type CompileContext, type ResolvedEvent, type RuleInfo } from './context';

/** Reports every active rule whose priority and events clash with an earlier active rule. */
export function checkPriorityConflicts(ctx: CompileContext): void {
  const byPriority = new Map<number, RuleInfo[]>();
  for (const rule of ctx.rules) {
    const priority = rule.clauses.Priority?.value.value;
    if (rule.status !== 'active' || priority === undefined || !Number.isSafeInteger(priority)) continue;
    const same = byPriority.get(priority);
    if (same) same.push(rule);
    else byPriority.set(priority, [rule]);
  }
  const taken = new Set(ctx.rules.flatMap((r) => (r.clauses.Priority ? [r.clauses.Priority.value.value] : [])));
  for (const rules of byPriority.values()) if (rules.length > 1) checkGroup(ctx, rules, taken);
}

/** Rules of one priority, in project order. */
function checkGroup(ctx: CompileContext, rules: RuleInfo[], taken: ReadonlySet<number>): void {
  const index = new EventIndex<RuleInfo>((a, b) => a.index - b.index);
  for (const rule of rules) {
    let clash: { rule: RuleInfo; event: ResolvedEvent } | null = null;
    for (const event of rule.events) {
      const other = index.first(event);
      if (other && (!clash || other.index < clash.rule.index)) clash = { rule: other, event };
    }
    for (const event of rule.events) index.add(rule, event);
    if (clash) conflict(ctx, rule, clash.rule, clash.event, taken);
  }
}

function conflict(ctx: CompileContext, rule: RuleInfo, first: RuleInfo, event: ResolvedEvent, taken: ReadonlySet<number>): void {
  const priority = rule.clauses.Priority!;
  let free = priority.value.value + 1;
  while (taken.has(free)) free++;
  const fix = { title: `give \`${rule.decl.name.value}\` priority ${free}`, edits: [{ span: priority.value.span, newText: String(free) }] };
  const message =
    `rules \`${first.decl.name.value}\` and \`${rule.decl.name.value}\` both have priority ${priority.value.raw} ` +
    `and both run on \`${event.entity}.${event.kind}\`; give one of them another priority`;
  reportOn(ctx, 'DIST309', rule.file, priority, 'value', message, {
    related: [{ file: first.file, span: first.clauses.Priority!.value.span, message: `\`${first.decl.name.value}\` has the same priority` }],
    data: { fix },
  });
}
