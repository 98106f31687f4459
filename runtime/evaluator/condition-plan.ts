// Conditions as data for the first-match hot path: the common shapes of a rule's
// `when` (a record field compared with a literal, `in` a literal list,
// `between` two number literals, and/or/not over those) become plain nodes run
// by one shared function, so thousands of rules warm up one piece of code
// instead of thousands of closures each too rarely called to be optimised.
// Anything else falls back to the compiled closure (compile-expr.ts). Equal
// leaves of different rules (`lead.city not in ["Delhi", "Pune"]` in every rule)
// share one node, so a lookup over many rules touches little memory. Semantics
// are those of operations.ts; the differential test holds it to the reference
// interpreter.
import type { Expr } from '../../compiler/ir';
import { compileCondition, type CompiledCondition } from './compile-expr';
import { walkPath, type EvalContext, type Value } from './context';

type Scalar = string | number | boolean;
type Ordering = '<' | '<=' | '>' | '>=';

/** Where a record field lives: `id`, `owner`, or a path into the fields. */
type FieldRef = { kind: 'id' } | { kind: 'owner' } | { kind: 'path'; path: readonly string[] };

/** A condition as data. */
export type ConditionPlan =
  | { kind: 'and' | 'or'; args: ConditionPlan[] }
  | { kind: 'not'; arg: ConditionPlan }
  | { kind: 'eq' | 'ne'; field: FieldRef; value: Scalar }
  | { kind: 'in'; field: FieldRef; values: ReadonlySet<Scalar>; negated: boolean }
  | { kind: 'order'; field: FieldRef; op: Ordering; value: number | string }
  | { kind: 'between'; field: FieldRef; low: number; high: number }
  | { kind: 'closure'; fn: CompiledCondition };

const FLIPPED: Record<Ordering, Ordering> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * Shared nodes: planning many conditions with one cache makes equal conditions
 * (leaves and whole and/or/not groups) one node and equal field paths one
 * reference, so a lookup over many rules touches little cold memory.
 */
export interface PlanCache {
  readonly nodes: Map<string, ConditionPlan>;
  readonly fields: Map<string, FieldRef>;
  /** The key of each shared node; a closure has none and is never shared. */
  readonly keys: WeakMap<ConditionPlan, string>;
}

/** An empty plan cache. */
export function newPlanCache(): PlanCache {
  return { nodes: new Map(), fields: new Map(), keys: new WeakMap() };
}

/** Plans a condition over the record entity `entity`; `cache` shares equal nodes between conditions. */
export function planCondition(expr: Expr, entity: string, cache: PlanCache = newPlanCache()): ConditionPlan {
  switch (expr.op) {
    case 'and':
    case 'or': {
      const args = expr.args.map((a) => planCondition(a, entity, cache));
      return shared({ kind: expr.op, args }, args.map((a) => cache.keys.get(a)), `${expr.op}(`, cache);
    }
    case 'not': {
      const arg = planCondition(expr.arg, entity, cache);
      return shared({ kind: 'not', arg }, [cache.keys.get(arg)], 'not(', cache);
    }
    default: {
      const leaf = planLeaf(expr, entity, cache);
      if (leaf.kind === 'closure') return leaf;
      return shared(leaf, [JSON.stringify(leaf, (_, v: unknown) => (v instanceof Set ? [...v] : v))], 'leaf(', cache);
    }
  }
}

/** The cache's node for `plan`, keyed by its parts' keys; `plan` itself when a part is a closure. */
function shared(plan: ConditionPlan, parts: readonly (string | undefined)[], prefix: string, cache: PlanCache): ConditionPlan {
  if (parts.some((p) => p === undefined)) return plan;
  const key = `${prefix}${parts.join(',')})`;
  const known = cache.nodes.get(key);
  if (known) return known;
  cache.nodes.set(key, plan);
  cache.keys.set(plan, key);
  return plan;
}

function planLeaf(expr: Expr, entity: string, cache: PlanCache): ConditionPlan {
  switch (expr.op) {
    case 'cmp': {
      const direct = fieldOf(expr.left, entity, cache);
      const field = direct ?? fieldOf(expr.right, entity, cache);
      const value = scalarOf(direct ? expr.right : expr.left);
      if (!field || value === null) break;
      if (expr.operator === '==' || expr.operator === '!=') return { kind: expr.operator === '==' ? 'eq' : 'ne', field, value };
      if (typeof value === 'boolean') break;
      return { kind: 'order', field, op: direct ? expr.operator : FLIPPED[expr.operator], value };
    }
    case 'in': {
      const field = fieldOf(expr.value, entity, cache);
      const items = expr.collection.op === 'list' ? expr.collection.items.map(scalarOf) : null;
      if (!field || !items || items.some((i) => i === null)) break;
      return { kind: 'in', field, values: new Set(items as Scalar[]), negated: expr.negated };
    }
    case 'between': {
      const field = fieldOf(expr.value, entity, cache);
      const low = scalarOf(expr.low);
      const high = scalarOf(expr.high);
      if (!field || typeof low !== 'number' || typeof high !== 'number') break;
      return { kind: 'between', field, low, high };
    }
    default:
      break;
  }
  return { kind: 'closure', fn: compileCondition(expr) };
}

function fieldOf(expr: Expr, entity: string, cache: PlanCache): FieldRef | null {
  if (expr.op !== 'field' || expr.entity !== entity) return null;
  const key = JSON.stringify(expr.path);
  const known = cache.fields.get(key);
  if (known) return known;
  const field: FieldRef =
    expr.path.length === 1 && expr.path[0] === 'id' ? { kind: 'id' } : expr.path.length === 1 && expr.path[0] === 'owner' ? { kind: 'owner' } : { kind: 'path', path: [...expr.path] };
  cache.fields.set(key, field);
  return field;
}

function scalarOf(expr: Expr): Scalar | null {
  if (expr.op === 'duration') return expr.ms;
  if (expr.op !== 'lit') return null;
  const v = expr.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

function read(field: FieldRef, ctx: EvalContext): Value {
  const record = ctx.record;
  if (!record) return undefined;
  if (field.kind === 'id') return record.id;
  if (field.kind === 'owner') return record.owner;
  return walkPath(record.fields, field.path, 0);
}

function ordered(op: Ordering, a: Value, b: number | string): boolean {
  if (typeof a !== typeof b) return false;
  const x = a as number | string;
  return op === '<' ? x < b : op === '<=' ? x <= b : op === '>' ? x > b : x >= b;
}

/** Runs a planned condition: true only when it holds. */
export function runPlan(plan: ConditionPlan, ctx: EvalContext): boolean {
  switch (plan.kind) {
    case 'and':
      for (const arg of plan.args) if (!runPlan(arg, ctx)) return false;
      return true;
    case 'or':
      for (const arg of plan.args) if (runPlan(arg, ctx)) return true;
      return false;
    case 'not':
      return !runPlan(plan.arg, ctx);
    case 'eq':
      return read(plan.field, ctx) === plan.value;
    case 'ne': {
      const v = read(plan.field, ctx);
      return v !== undefined && v !== plan.value;
    }
    case 'in': {
      const v = read(plan.field, ctx);
      return v !== undefined && plan.values.has(v as Scalar) !== plan.negated;
    }
    case 'order':
      return ordered(plan.op, read(plan.field, ctx), plan.value);
    case 'between': {
      const v = read(plan.field, ctx);
      return typeof v === 'number' && v >= plan.low && v <= plan.high;
    }
    case 'closure':
      return plan.fn(ctx);
  }
}
