// The workspace's link step: the project-level part of a check. It collects the
// facts every rule is checked against (schemas, settings, maps, the directory),
// takes each file's checked rules from the per-file collect step
// (workspace-unit.ts, cached by the workspace), and runs what spans files: rule
// names and ids used twice, priority conflicts, queue retry policies, workflows, lowering and
// the rule analysis. Its diagnostics are those of the stages run one after the
// other (stages/index.ts) over the same texts.
import type { SourceFile } from '../language/ast';
import { analyseStage } from './stages/analyse';
import { collectMaps } from './stages/collect-maps';
import { checkRuleNames } from './stages/collect-rules';
import { collectWorkflows } from './stages/collect-workflows';
import type { CompileContext } from './stages/context';
import { lowerStage } from './stages/lower';
import { parseStage } from './stages/parse-stage';
import { checkPriorityConflicts } from './stages/priority-conflicts';
import { checkQueuePolicies } from './stages/queue-policies';
import { collectFacts } from './stages/resolve';
import { loadProjectDirectory } from './stages/resolve-directory';
import { resolveSite } from './stages/resolve-expr';
import { typecheckSites } from './stages/typecheck';
import type { FileUnit } from './workspace-unit';

/**
 * Links the project of `ctx` (a fresh context); `unitOf` gives a file's checked
 * rules, and is called once the facts are collected. Returns the units, in file order.
 */
export function linkProject(ctx: CompileContext, unitOf: (ast: SourceFile, ctx: CompileContext) => FileUnit): FileUnit[] {
  parseStage.run(ctx);
  collectFacts(ctx);
  collectMaps(ctx);
  loadProjectDirectory(ctx);
  const units = ctx.files.map((ast) => unitOf(ast, ctx));
  for (const unit of units) {
    for (const rule of unit.rules) {
      rule.index = ctx.rules.length;
      ctx.rules.push(rule);
    }
    for (const d of unit.diagnostics) ctx.diagnostics.push(d);
  }
  checkRuleNames(ctx);
  // What is left in `sites` are the settings' limits and the maps' values.
  for (const site of ctx.sites) resolveSite(ctx, site);
  typecheckSites(ctx, ctx.sites);
  checkPriorityConflicts(ctx);
  checkQueuePolicies(ctx);
  collectWorkflows(ctx);
  lowerStage.run(ctx);
  analyseStage.run(ctx);
  return units;
}
