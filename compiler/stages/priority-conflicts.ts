// Priority conflicts (DIST309): two active rules with the same priority that can
// see the same event. Rules are grouped by priority, then by (entity, event kind),
// so the check stays linear in the number of rules; within an `updated` group,
// field lists that do not intersect do not overlap. Reported on the later rule.
import { report, type CompileContext, type ResolvedEvent, type RuleInfo } from './context';

interface Bucket {
  /** The first rule in the bucket. */
  first: RuleInfo;
  /** The first rule whose event is `updated` without a field list (any update). */
  anyUpdate: RuleInfo | null;
  /** For each field, the first rule whose `updated(…)` names it. */
  byField: Map<string, RuleInfo>;
}

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
  for (const rules of byPriority.values()) if (rules.length > 1) checkGroup(ctx, rules);
}

/** Rules of one priority, in project order. */
function checkGroup(ctx: CompileContext, rules: RuleInfo[]): void {
  const buckets = new Map<string, Bucket>();
  for (const rule of rules) {
    let clash: { rule: RuleInfo; event: ResolvedEvent } | null = null;
    for (const event of rule.events) {
      const bucket = buckets.get(`${event.entity}.${event.kind}`);
      const other = bucket ? overlapping(bucket, event) : null;
      if (other && (!clash || other.index < clash.rule.index)) clash = { rule: other, event };
    }
    for (const event of rule.events) add(buckets, `${event.entity}.${event.kind}`, rule, event);
    if (clash) conflict(ctx, rule, clash.rule, clash.event);
  }
}

function overlapping(bucket: Bucket, event: ResolvedEvent): RuleInfo | null {
  if (event.kind !== 'updated' || event.fields === null) return bucket.first;
  let found = bucket.anyUpdate;
  for (const field of event.fields) {
    const other = bucket.byField.get(field);
    if (other && (!found || other.index < found.index)) found = other;
  }
  return found;
}

function add(buckets: Map<string, Bucket>, key: string, rule: RuleInfo, event: ResolvedEvent): void {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { first: rule, anyUpdate: null, byField: new Map() };
    buckets.set(key, bucket);
  }
  if (event.fields === null) bucket.anyUpdate ??= rule;
  else for (const field of event.fields) if (!bucket.byField.has(field)) bucket.byField.set(field, rule);
}

function conflict(ctx: CompileContext, rule: RuleInfo, first: RuleInfo, event: ResolvedEvent): void {
  const priority = rule.clauses.Priority!;
  const message =
    `rules \`${first.decl.name.value}\` and \`${rule.decl.name.value}\` both have priority ${priority.value.raw} ` +
    `and both run on \`${event.entity}.${event.kind}\`; give one of them another priority`;
  report(ctx, 'DIST309', rule.file, priority.value.span, message, {
    related: [{ file: first.file, span: first.clauses.Priority!.value.span, message: `\`${first.decl.name.value}\` has the same priority` }],
  });
}
