// A program prepared for running, built once per program: every expression
// compiled to closures (conditions, pool filters, scores, sort keys, capacity,
// quota limits), the rules listed by the event type that can bring a record to
// them in ascending priority, and the rule index that finds the first match.
import { IR_VERSION, type Expr, type Program, type QuotaPeriod, type Rule } from '../compiler/ir';
import { USER_STATE_FIELDS } from './evaluator/context';
import { compileCondition, compileExpr, type Compiled, type CompiledCondition } from './evaluator/compile-expr';
import { visitExpr } from '../compiler/ir-walk';
import { RuleIndex } from './rule-index';

/** A rule with its expressions compiled. */
export interface CompiledRule {
  rule: Rule;
  /** The pool's `where` (dynamic pools and narrowed static lists). */
  poolWhere: CompiledCondition | null;
  /**
   * A dynamic pool's `where` split in two: the conjuncts that read only directory
   * fields of the user and literals (the same for every record, so evaluated once
   * per directory: pools.ts), and the rest (null when nothing is left).
   */
  dynamicWhere: { fixed: CompiledCondition; rest: CompiledCondition | null } | null;
  /** True when the pool's `where` reads `user.open_load` or `user.last_assigned_at`. */
  poolWhereReadsState: boolean;
  /** `score EXPR`, or the keys of `ordered by`. */
  score: Compiled | null;
  orderKeys: { value: Compiled; direction: 'asc' | 'desc' }[];
  reassignWhen: CompiledCondition | null;
  /** `turnover EXPR`: what one assignment earns. */
  turnover: Compiled | null;
}

/** A quota with its limit compiled. */
export interface CompiledQuota {
  period: QuotaPeriod;
  limit: Compiled;
}

/** The program, prepared. */
export interface ProgramIndex {
  program: Program;
  rules: readonly CompiledRule[];
  byId: ReadonlyMap<string, CompiledRule>;
  /** Rules (any status) with an `on` clause naming this event type, in ascending priority. */
  rulesFor(eventType: string): readonly CompiledRule[];
  /** The first-match index over the active rules. */
  matcher: RuleIndex<CompiledRule>;
  capacity: Compiled | null;
  quotas: readonly CompiledQuota[];
}

/** Compiles and indexes a program; throws when its IR version is not this runtime's. */
export function indexProgram(program: Program): ProgramIndex {
  if (program.irVersion !== IR_VERSION) {
    throw new Error(`the IR has version ${String(program.irVersion)}; this runtime runs version ${IR_VERSION}`);
  }
  const rules = [...program.rules].sort((a, b) => a.priority - b.priority).map(compileRule);
  const byEvent = new Map<string, CompiledRule[]>();
  for (const compiled of rules) {
    const types = new Set(compiled.rule.events.map((e) => `${e.entity}.${e.kind}`));
    for (const type of types) {
      const list = byEvent.get(type) ?? [];
      list.push(compiled);
      byEvent.set(type, list);
    }
  }
  return {
    program,
    rules,
    byId: new Map(rules.map((r) => [r.rule.id, r])),
    rulesFor: (eventType) => byEvent.get(eventType) ?? [],
    matcher: new RuleIndex(rules, (r) => r.rule),
    capacity: program.settings.capacity ? compileExpr(program.settings.capacity) : null,
    quotas: program.settings.quotas.map((q) => ({ period: q.period, limit: compileExpr(q.limit) })),
  };
}

function compileRule(rule: Rule): CompiledRule {
  const where = rule.pool.kind === 'dynamic' || rule.pool.kind === 'users' ? rule.pool.where : null;
  const method = rule.method;
  return {
    rule,
    poolWhere: where ? compileCondition(where) : null,
    dynamicWhere: rule.pool.kind === 'dynamic' ? splitWhere(rule.pool.where) : null,
    poolWhereReadsState: where ? readsUserState(where) : false,
    score: method.kind === 'score' ? compileExpr(method.expr) : null,
    orderKeys: method.kind === 'ordered' ? method.keys.map((k) => ({ value: compileExpr(k.expr), direction: k.direction })) : [],
    reassignWhen: rule.reassign?.when ? compileCondition(rule.reassign.when) : null,
    turnover: rule.turnover ? compileExpr(rule.turnover.expr) : null,
  };
}

/** The directory-only conjuncts of a `where` and the rest; null when none is directory-only. */
function splitWhere(where: Expr): { fixed: CompiledCondition; rest: CompiledCondition | null } | null {
  const conjuncts = flattenAnd(where);
  const fixed = conjuncts.filter(directoryOnly);
  const rest = conjuncts.filter((c) => !directoryOnly(c));
  if (fixed.length === 0) return null;
  const join = (args: Expr[]): Expr => (args.length === 1 ? args[0]! : { op: 'and', args });
  return { fixed: compileCondition(join(fixed)), rest: rest.length > 0 ? compileCondition(join(rest)) : null };
}

function flattenAnd(expr: Expr): Expr[] {
  return expr.op === 'and' ? expr.args.flatMap(flattenAnd) : [expr];
}

/** True when an expression reads nothing but the user's directory fields and literals (no record, state, payload or clock). */
function directoryOnly(expr: Expr): boolean {
  let only = true;
  visitExpr(expr, (node) => {
    if (node.op === 'call') only = false;
    if (node.op === 'field' && (node.entity !== 'user' || USER_STATE_FIELDS.has(node.path[0] as string))) only = false;
  });
  return only;
}

function readsUserState(expr: Expr): boolean {
  let reads = false;
  visitExpr(expr, (node) => {
    if (node.op === 'field' && node.entity === 'user' && USER_STATE_FIELDS.has(node.path[0] as string)) reads = true;
  });
  return reads;
}
