// The `resolve` stage: collects the declarations of every file (schemas,
// settings, rules, maps), loads the directory, and resolves every name the rules
// use. Later stages see only names that resolved; the rest are marked failed.
import { collectMaps } from './collect-maps';
import { collectRules } from './collect-rules';
import { collectSchemas } from './collect-schemas';
import { collectSettings } from './collect-settings';
import type { CompileContext, RuleInfo, Stage } from './context';
import { resolveSite } from './resolve-expr';
import { checkDirectoryNames, loadProjectDirectory } from './resolve-directory';
import { resolveRule } from './resolve-rules';

/** Collect declarations, load the directory, resolve names. */
export const resolveStage: Stage = {
  name: 'resolve',
  run(ctx) {
    collectFacts(ctx);
    collectRules(ctx);
    collectMaps(ctx);
    loadProjectDirectory(ctx);
    for (const rule of ctx.rules) resolveRuleNames(ctx, rule);
    for (const site of ctx.sites) resolveSite(ctx, site);
  },
};

/** The declarations every rule is checked against: schemas, then the settings block. */
export function collectFacts(ctx: CompileContext): void {
  collectSchemas(ctx);
  collectSettings(ctx);
}

/** Resolves one rule's status and events (queueing its expressions) and the directory names it uses. */
export function resolveRuleNames(ctx: CompileContext, rule: RuleInfo): void {
  resolveRule(ctx, rule);
  checkDirectoryNames(ctx, rule);
}
