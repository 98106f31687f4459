// The workspace's per-file collect step: one file's rules checked on their own
// against the project's facts (schemas, settings, the loaded directory) — their
// status, events, names, expressions (resolved and typed), structure and clauses.
// What it gives depends on nothing but the file's parse and those facts, so the
// workspace keeps it until either changes; the link step adds what spans files
// (duplicate names, priority conflicts, queue policies, lowering, the analysis).
import type { Expr, SourceFile } from '../language/ast';
import type { Diagnostic } from '../language/diagnostics';
import { ruleInfosOf } from './stages/collect-rules';
import type { CompileContext, ExprSite, RuleInfo } from './stages/context';
import { resolveSite } from './stages/resolve-expr';
import { resolveRuleNames } from './stages/resolve';
import { typecheckSites } from './stages/typecheck';
import type { Type } from './stages/types';
import { validateRule } from './stages/validate';

/** One file's rules as checked on their own. */
export interface FileUnit {
  /** The parse this unit was built from. */
  ast: SourceFile;
  /** The version of the project facts it was checked against. */
  facts: number;
  /** The file's rules, resolved (their `index` is set at each link). */
  rules: RuleInfo[];
  /** What the checks of these rules reported. */
  diagnostics: Diagnostic[];
  /** The type of every expression of these rules that type-checked. */
  exprTypes: WeakMap<Expr, Type>;
}

/**
 * Checks the rules of `ast` in a context of their own that shares `project`'s
 * facts: `project` must have its schemas, settings and directory collected.
 */
export function checkFileRules(project: CompileContext, ast: SourceFile, facts: number): FileUnit {
  const sites: ExprSite[] = [];
  const ctx: CompileContext = {
    ...project,
    rules: ruleInfosOf(ast),
    sites,
    diagnostics: [],
    pathTypes: new WeakMap(),
    exprTypes: new WeakMap(),
    failed: new WeakSet(),
    program: null,
  };
  for (const rule of ctx.rules) resolveRuleNames(ctx, rule);
  for (const site of sites) resolveSite(ctx, site);
  typecheckSites(ctx, sites);
  for (const rule of ctx.rules) validateRule(ctx, rule);
  return { ast, facts, rules: ctx.rules, diagnostics: ctx.diagnostics, exprTypes: ctx.exprTypes };
}
