// The code lens above each rule: the scenario cases that reach it (it took a record
// of the case or was tried on one), run by the editor's `dist.runRuleCases` command
// with the rule's id. The host counts the cases (the stdio server runs the suites
// when files change on disk); until it has, each rule offers to run its cases uncounted.
import type { CodeLens } from 'vscode-languageserver-types';
import { ruleId } from '../../compiler/stages/rule-id';
import type { ServiceContext } from './context';

/** The editor command a lens runs, with the rule id as its one argument. */
export const RUN_RULE_CASES = 'dist.runRuleCases';

/** Cases per rule id, counted over the whole project: a rule missing from it has none. */
export type RuleCaseCounts = ReadonlyMap<string, number>;

function title(count: number | undefined): string {
  if (count === undefined) return '▶ Run the cases that reach this rule';
  if (count === 0) return 'No scenario case reaches this rule';
  return `▶ Run ${count} case${count === 1 ? '' : 's'}`;
}

/** One lens per rule of `file`, on the rule's first line. */
export function codeLenses(ctx: ServiceContext, file: string, counts: RuleCaseCounts | null): CodeLens[] {
  const ast = ctx.ast(file);
  const text = ctx.text(file);
  if (!ast || !text) return [];
  const lenses: CodeLens[] = [];
  for (const decl of ast.declarations) {
    if (decl.kind !== 'Rule') continue;
    const explicit = decl.clauses.find((c) => c.kind === 'Id');
    const id = explicit?.kind === 'Id' ? explicit.value.value : ruleId(decl.name.value);
    const count = counts === null ? undefined : (counts.get(id) ?? 0);
    const start = text.range(decl.span).start;
    const range = { start, end: start };
    lenses.push({ range, command: count === 0 ? { title: title(0), command: '' } : { title: title(count), command: RUN_RULE_CASES, arguments: [id] } });
  }
  return lenses;
}
