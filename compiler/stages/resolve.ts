// The `resolve` stage: collects the declarations of every file (schemas,
// settings, rules, maps), loads the directory, and resolves every name the rules
// use. Later stages see only names that resolved; the rest are marked failed.
import { collectMaps } from './collect-maps';
import { collectRules } from './collect-rules';
import { collectSchemas } from './collect-schemas';
import { collectSettings } from './collect-settings';
import type { Stage } from './context';
import { resolveSite } from './resolve-expr';
import { checkRuleNames, loadProjectDirectory } from './resolve-directory';
import { resolveRule } from './resolve-rules';

/** Collect declarations, load the directory, resolve names. */
export const resolveStage: Stage = {
  name: 'resolve',
  run(ctx) {
    collectSchemas(ctx);
    collectSettings(ctx);
    collectRules(ctx);
    collectMaps(ctx);
    loadProjectDirectory(ctx);
    for (const rule of ctx.rules) {
      resolveRule(ctx, rule);
      checkRuleNames(ctx, rule);
    }
    for (const site of ctx.sites) resolveSite(ctx, site);
  },
};
