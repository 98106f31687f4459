// A program prepared for running, built once per program: every expression
// compiled to closures (conditions, pool filters, scores, sort keys, capacity,
// quota limits), the rules listed by the event type that can bring a record to
// them in ascending priority, and the rule index that finds the first match.
import { IR_VERSION, IR_VERSIONS, type Expr, type Program, type QuotaPeriod, type Rule } from '../compiler/ir';
import { USER_STATE_FIELDS } from './evaluator/context';
import { compileCondition, compileExpr, type Compiled, type CompiledCondition } from './evaluator/compile-expr';
import { visitExpr } from '../compiler/ir-walk';
import { RuleIndex } from './rule-index';

/** A rule with its expressions compiled. */
export interface CompiledRule {
  rule: Rule;
  /** The pool's `where` (dynamic pools and narrowed static lists). */
  poolWhere: CompiledCondition | null;
  /** A dynamic pool's `where`, split for the per-directory partitions of pools.ts (null when no conjunct can use them). */
  dynamicWhere: SplitWhere | null;
  /** True when the pool's `where` reads `user.open_load` or `user.last_assigned_at`. */
  poolWhereReadsState: boolean;
  /**
   * True when a decision under the rule reads the users' state-kept values: for
   * `require capacity`, `workday within` (a later bucket gives way to
   * least_recent), a ranking method (ties go by least_recent), or a quota limit
   * that reads them. Otherwise only the quota counters are read.
   */
  readsUserState: boolean;
  /** `score EXPR`, or the keys of `ordered by`. */
  score: Compiled | null;
  /** True when `score` and the `ordered by` keys read nothing but the user (no record, payload or clock). */
  valuesReadOnlyUser: boolean;
  orderKeys: { value: Compiled; direction: 'asc' | 'desc' }[];
  reassignWhen: CompiledCondition | null;
  /** `turnover EXPR`: what one assignment earns. */
  turnover: Compiled | null;
}

/**
 * A dynamic pool's `where` in parts: the conjuncts that read only directory
 * fields of the user and literals (the same for every record, so evaluated once
 * per directory; null: none), the rest (null when nothing is left), and, among
 * the rest, the conjuncts that pair a value of the record with a directory field
 * of the user (`lead.zip in user.service_zips`, `user.region == lead.region`),
 * which pools.ts answers from an index per directory, with `residual` the rest
 * without them.
 */
export interface SplitWhere {
  /** Shared by every rule of the program with the same directory-only conjuncts, so their partition is built once. */
  fixed: CompiledCondition | null;
  rest: CompiledCondition | null;
  keys: readonly PoolKey[];
  residual: CompiledCondition | null;
}

/** A `where` conjunct `record value in user field` (`member`) or `user field == record value` (`equal`). */
export interface PoolKey {
  /** Shared by every rule of the program that indexes the same user side the same way. */
  index: PoolIndexSpec;
  /** The record side: reads no user field. */
  record: Compiled;
}

/** What a pool index maps: the users by the scalars their `user` side equals (`equal`) or holds (`member`). */
export interface PoolIndexSpec {
  kind: 'member' | 'equal';
  /** Reads only the user's directory fields. */
  user: Compiled;
}

/** Methods that rank users (ties by least_recent, so by `last_assigned_at`). */
const RANKING_METHODS: ReadonlySet<Rule['method']['kind']> = new Set(['least_recent', 'load_balance', 'score', 'ordered', 'max_turnover', 'max_lead_count']);

/** Compiled pool parts by their IR, so that rules sharing a conjunct share its per-directory partition. */
interface Interned {
  conditions: Map<string, CompiledCondition>;
  indexes: Map<string, PoolIndexSpec>;
}

/** A quota with its limit compiled. */
export interface CompiledQuota {
  period: QuotaPeriod;
  limit: Compiled;
  /** True when the limit reads only the user's directory fields (evaluated once per directory user). */
  directoryOnly: boolean;
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
  /** True when `capacity` reads only the user's directory fields (evaluated once per directory user). */
  capacityDirectoryOnly: boolean;
  quotas: readonly CompiledQuota[];
  /** True when the capacity or a quota limit calls a function of the clock (`hours_since`, `days_since`). */
  limitsReadClock: boolean;
}

/** Compiles and indexes a program; throws when its IR version is not this runtime's. */
export function indexProgram(program: Program): ProgramIndex {
  if (!(IR_VERSIONS as readonly unknown[]).includes(program.irVersion)) {
    throw new Error(`the IR has version ${String(program.irVersion)}; this runtime runs versions 1 to ${IR_VERSION}`);
  }
  const interned: Interned = { conditions: new Map(), indexes: new Map() };
  const quotaReadsState = program.settings.quotas.some((q) => readsUserState(q.limit));
  const rules = [...program.rules].sort((a, b) => a.priority - b.priority).map((rule) => compileRule(rule, interned, quotaReadsState));
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
    capacityDirectoryOnly: program.settings.capacity ? directoryOnly(program.settings.capacity) : false,
    quotas: program.settings.quotas.map((q) => ({ period: q.period, limit: compileExpr(q.limit), directoryOnly: directoryOnly(q.limit) })),
    limitsReadClock: [program.settings.capacity, ...program.settings.quotas.map((q) => q.limit)].some((e) => e !== null && readsClock(e)),
  };
}

function compileRule(rule: Rule, interned: Interned, quotaReadsState: boolean): CompiledRule {
  const where = rule.pool.kind === 'dynamic' || rule.pool.kind === 'users' ? rule.pool.where : null;
  const method = rule.method;
  return {
    rule,
    poolWhere: where ? compileCondition(where) : null,
    dynamicWhere: rule.pool.kind === 'dynamic' ? splitWhere(rule.pool.where, interned) : null,
    poolWhereReadsState: where ? readsUserState(where) : false,
    readsUserState:
      quotaReadsState ||
      RANKING_METHODS.has(method.kind) ||
      rule.require.some((r) => r.flag === 'capacity' || (r.flag === 'workday' && r.withinMs !== null)),
    score: method.kind === 'score' ? compileExpr(method.expr) : null,
    valuesReadOnlyUser: (method.kind === 'score' ? [method.expr] : method.kind === 'ordered' ? method.keys.map((k) => k.expr) : []).every(readsOnlyUser),
    orderKeys: method.kind === 'ordered' ? method.keys.map((k) => ({ value: compileExpr(k.expr), direction: k.direction })) : [],
    reassignWhen: rule.reassign?.when ? compileCondition(rule.reassign.when) : null,
    turnover: rule.turnover ? compileExpr(rule.turnover.expr) : null,
  };
}

/** A dynamic pool's `where` in parts (see SplitWhere); null when no conjunct is directory-only or keyed. */
function splitWhere(where: Expr, interned: Interned): SplitWhere | null {
  const conjuncts = flattenAnd(where);
  const fixed = conjuncts.filter(directoryOnly);
  const rest = conjuncts.filter((c) => !directoryOnly(c));
  const keyed = rest.map((c) => [c, poolKey(c, interned)] as const);
  const keys = keyed.flatMap(([, key]) => (key ? [key] : []));
  if (fixed.length === 0 && keys.length === 0) return null;
  const residual = keyed.filter(([, key]) => !key).map(([c]) => c);
  const join = (args: Expr[]): CompiledCondition | null => (args.length === 0 ? null : compileCondition(args.length === 1 ? args[0]! : { op: 'and', args }));
  const shared = (args: Expr[]): CompiledCondition | null => {
    if (args.length === 0) return null;
    const text = irText(args);
    let condition = interned.conditions.get(text);
    if (!condition) interned.conditions.set(text, (condition = join(args) as CompiledCondition));
    return condition;
  };
  return { fixed: shared(fixed), rest: join(rest), keys, residual: join(residual) };
}

/** The conjunct as an index lookup, when it is `R in U`, `U contains R`, `U == R` or `R == U` (U directory-only and reading the user, R reading no user field). */
function poolKey(expr: Expr, interned: Interned): PoolKey | null {
  const pair = (record: Expr, user: Expr, kind: PoolIndexSpec['kind']): PoolKey | null => {
    if (!readsUser(user) || !directoryOnly(user) || readsUser(record)) return null;
    const text = irText([kind, user]);
    let index = interned.indexes.get(text);
    if (!index) interned.indexes.set(text, (index = { kind, user: compileExpr(user) }));
    return { index, record: compileExpr(record) };
  };
  if (expr.op === 'in' && !expr.negated) return pair(expr.value, expr.collection, 'member');
  if (expr.op === 'contains') return pair(expr.value, expr.collection, 'member');
  if (expr.op === 'cmp' && expr.operator === '==') return pair(expr.right, expr.left, 'equal') ?? pair(expr.left, expr.right, 'equal');
  return null;
}

/** An expression's IR as text without its source spans: equal for equal conditions written in different places. */
function irText(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'span' ? undefined : v));
}

function readsUser(expr: Expr): boolean {
  let reads = false;
  visitExpr(expr, (node) => {
    if (node.op === 'field' && node.entity === 'user') reads = true;
  });
  return reads;
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

/** True when an expression reads no field but the user's and calls no function of the clock. */
function readsOnlyUser(expr: Expr): boolean {
  let only = true;
  visitExpr(expr, (node) => {
    if (node.op === 'field' && node.entity !== 'user') only = false;
  });
  return only && !readsClock(expr);
}

function readsClock(expr: Expr): boolean {
  let reads = false;
  visitExpr(expr, (node) => {
    if (node.op === 'call' && (node.fn === 'hours_since' || node.fn === 'days_since')) reads = true;
  });
  return reads;
}
