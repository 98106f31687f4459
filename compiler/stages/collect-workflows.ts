// The workflows of a project (`workflow "Name" { rules "A", "B" take N min M }`):
// each item once, at least two rules, every rule known (with the nearest name as a
// fix), none listed twice or in two workflows, all of one entity, and none with a
// `reassign` clause (a re-assignment re-runs one rule, not a workflow: the fix
// removes it). Warns when the rules' own `take` counts cannot reach the
// workflow's `min`. Runs once the rules are checked, before lowering.
import type { ClauseOf, CompileContext, RuleInfo, WorkflowInfo } from './context';
import { hasErrors, report, reportOn } from './context';
import type { WorkflowDecl, WorkflowItem } from '../../language/ast';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { checkTakeIn } from './clause-checks';

/** Checks every workflow declaration and collects the clean ones into `ctx.workflows`. */
export function collectWorkflows(ctx: CompileContext): void {
  const rulesByName = new Map(ctx.rules.map((r) => [r.decl.name.value, r]));
  const owner = new Map<RuleInfo, WorkflowInfo>();
  const names = new Map<string, { file: string; decl: WorkflowDecl }>();
  for (const file of ctx.files) {
    for (const decl of file.declarations) {
      if (decl.kind !== 'Workflow') continue;
      const first = names.get(decl.name.value);
      if (first) {
        reportOn(ctx, 'DIST321', file.file, decl, 'name', `workflow name \`${decl.name.value}\` is used twice; rename one of the workflows`, {
          related: [{ file: first.file, span: first.decl.name.span, message: 'first workflow with this name' }],
        });
        continue;
      }
      names.set(decl.name.value, { file: file.file, decl });
      const info = checkWorkflow(ctx, file.file, decl, rulesByName, owner);
      if (info) ctx.workflows.push(info);
    }
  }
  if (!hasErrors(ctx)) for (const info of ctx.workflows) warnUnreachable(ctx, info);
}

function firstOf<K extends WorkflowItem['kind']>(ctx: CompileContext, file: string, decl: WorkflowDecl, kind: K, word: string): Extract<WorkflowItem, { kind: K }> | null {
  const items = decl.items.filter((i): i is Extract<WorkflowItem, { kind: K }> => i.kind === kind);
  for (const extra of items.slice(1)) report(ctx, 'DIST304', file, extra.span, `\`${word}\` is given twice in this workflow; keep one`);
  return items[0] ?? null;
}

function checkWorkflow(
  ctx: CompileContext,
  file: string,
  decl: WorkflowDecl,
  rulesByName: ReadonlyMap<string, RuleInfo>,
  owner: Map<RuleInfo, WorkflowInfo>,
): WorkflowInfo | null {
  const list = firstOf(ctx, file, decl, 'WorkflowRules', 'rules');
  const take = firstOf(ctx, file, decl, 'Take', 'take');
  const description = firstOf(ctx, file, decl, 'Description', 'description');
  const takeOk = take ? checkTakeIn(ctx, file, take) : true;
  if (!list) {
    if (!decl.recovered) reportOn(ctx, 'DIST305', file, decl, 'name', 'this workflow names no rules; add `rules "First rule", "Second rule"`');
    return null;
  }
  const rules: RuleInfo[] = [];
  let ok = takeOk;
  for (const ref of list.rules) {
    const rule = rulesByName.get(ref.value);
    if (!rule) {
      const suggestion = closest(ref.value, [...rulesByName.keys()]);
      const hint = didYouMean(suggestion, (s) => `\`${s}\``, 'name a rule of this project');
      report(ctx, 'DIST322', file, ref.span, `unknown rule \`${ref.value}\`${hint}`, suggestionData(suggestion, ref));
      ok = false;
      continue;
    }
    if (rules.includes(rule)) {
      report(ctx, 'DIST312', file, ref.span, `\`${ref.value}\` is listed twice in this workflow; remove one`);
      ok = false;
      continue;
    }
    if (!joins(ctx, file, ref.span, rule, rules[0], owner.get(rule))) ok = false;
    rules.push(rule);
  }
  if (rules.length < 2 && ok) {
    report(ctx, 'DIST321', file, list.span, 'a workflow chains at least two rules; name another rule, or drop the workflow and keep the rule alone');
    return null;
  }
  if (!ok) return null;
  const info: WorkflowInfo = {
    decl,
    file,
    rules,
    take: { count: take ? take.count.value : null, min: take?.min?.value ?? 1 },
    description: description?.value.value ?? null,
  };
  for (const rule of rules) owner.set(rule, info);
  return info;
}

/** Whether `rule` may join a workflow whose first rule is `first`; reports why not. */
function joins(ctx: CompileContext, file: string, at: { start: number; end: number }, rule: RuleInfo, first: RuleInfo | undefined, taken: WorkflowInfo | undefined): boolean {
  const name = rule.decl.name.value;
  if (taken) {
    report(ctx, 'DIST323', file, at, `rule \`${name}\` is already in workflow \`${taken.decl.name.value}\`; a rule belongs to one workflow`, {
      related: [{ file: taken.file, span: taken.decl.name.span, message: 'the workflow it is in' }],
    });
    return false;
  }
  if (first && rule.entity !== null && first.entity !== null && rule.entity !== first.entity) {
    report(ctx, 'DIST323', file, at, `rule \`${name}\` routes \`${rule.entity}\` records and \`${first.decl.name.value}\` routes \`${first.entity}\`; a workflow's rules route one entity`);
    return false;
  }
  const reassign: ClauseOf<'Reassign'> | undefined = rule.clauses.Reassign;
  if (reassign) {
    report(ctx, 'DIST323', file, at, `rule \`${name}\` has \`reassign\`, which re-runs one rule and not a workflow; remove its \`reassign\` clause`, {
      related: [{ file: rule.file, span: reassign.span, message: 'the `reassign` clause' }],
      data: { fix: { title: `remove \`reassign\` from \`${name}\``, edits: [{ file: rule.file, span: reassign.span, newText: '' }] } },
    });
    return false;
  }
  return true;
}

/** DIST408: the rules' own `take` counts, within the workflow's cap, add up to less than its `min`. */
function warnUnreachable(ctx: CompileContext, info: WorkflowInfo): void {
  const most = info.rules.reduce((sum, r) => sum + (r.clauses.Take?.count.value ?? 1), 0);
  const reach = Math.min(most, info.take.count ?? most);
  if (reach >= info.take.min) return;
  const take = info.decl.items.find((i) => i.kind === 'Take');
  report(
    ctx,
    'DIST408',
    info.file,
    (take ?? info.decl.name).span,
    `this workflow's rules take at most ${reach} users together, fewer than its \`min ${info.take.min}\`, so it never assigns; raise a rule's \`take\` or lower the \`min\``,
  );
}
