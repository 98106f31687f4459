// The workspace's per-file collect step: one file's rules checked on their own
// against the project's facts (schemas, settings, the loaded directory) — their
// status, events, names, expressions (resolved and typed), structure and clauses.
// What it gives depends on nothing but the file's parse and those facts, so the
// workspace keeps it until either changes; the link step adds what spans files
// (duplicate names, priority conflicts, queue policies, lowering, the analysis).
// Each rule is checked on its own too, and with a cache of rule checks a rule
// whose declaration (the same AST object: the workspace keeps the declarations an
// edit did not touch) was checked under the same facts is not checked again.
import type { Expr, RuleDecl, SourceFile } from '../language/ast';
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

/** One rule as checked on its own. */
interface RuleCheck {
  /** The version of the project facts it was checked against. */
  facts: number;
  rule: RuleInfo;
  diagnostics: Diagnostic[];
  /** The types of its expressions (null when they went straight into the file's table). */
  exprTypes: Map<Expr, Type> | null;
}

/** Rule checks by declaration, kept by the workspace across links. */
export type RuleChecks = WeakMap<RuleDecl, RuleCheck>;

/** Checks one rule in a context of its own that shares `file`'s facts and tables; its types go to `exprTypes`. */
function checkRule(file: CompileContext, rule: RuleInfo, facts: number, exprTypes: Map<Expr, Type> | WeakMap<Expr, Type>): RuleCheck {
  const sites: ExprSite[] = [];
  const ctx: CompileContext = { ...file, rules: [rule], sites, diagnostics: [], exprTypes };
  resolveRuleNames(ctx, rule);
  for (const site of sites) resolveSite(ctx, site);
  typecheckSites(ctx, sites);
  validateRule(ctx, rule);
  return { facts, rule, diagnostics: ctx.diagnostics, exprTypes: exprTypes instanceof Map ? exprTypes : null };
}

/**
 * Checks the rules of `ast`, each in a context of its own that shares `project`'s
 * facts: `project` must have its schemas, settings and directory collected.
 * `checks` gives (and keeps) the checks of declarations seen before.
 */
export function checkFileRules(project: CompileContext, ast: SourceFile, facts: number, checks?: RuleChecks): FileUnit {
  const rules: RuleInfo[] = [];
  const diagnostics: Diagnostic[] = [];
  const exprTypes = new WeakMap<Expr, Type>();
  const file: CompileContext = { ...project, pathTypes: new WeakMap(), failed: new WeakSet(), program: null };
  for (const fresh of ruleInfosOf(ast)) {
    let check = checks?.get(fresh.decl);
    if (check?.facts === facts && check.rule.file === ast.file) {
      for (const [expr, type] of check.exprTypes!) exprTypes.set(expr, type);
    } else {
      check = checkRule(file, fresh, facts, checks ? new Map() : exprTypes);
      checks?.set(fresh.decl, check);
      if (check.exprTypes) for (const [expr, type] of check.exprTypes) exprTypes.set(expr, type);
    }
    rules.push(check.rule);
    for (const d of check.diagnostics) diagnostics.push(d);
  }
  return { ast, facts, rules, diagnostics, exprTypes };
}
