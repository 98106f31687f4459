// The reference interpreter: a plain tree walk over the IR that states the
// semantics as directly as possible, independently of operations.ts. The
// engine runs compiled closures (compile-expr.ts); this walk is the oracle of
// the differential tests and what the explainer uses to report values.
import type { Expr } from '../../compiler/ir';
import { USER_BUILTIN_FIELDS, type EvalContext, type Value } from './context';
import { callFunction, isGeo } from './functions';

/** Evaluates `expr` in `ctx`; undefined means unset. */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  switch (expr.op) {
    case 'lit':
      return expr.value as Value;
    case 'duration':
      return expr.ms;
    case 'field':
      return readField(expr.entity, expr.path, ctx);
    case 'list':
      return expr.items.map((item) => evaluate(item, ctx));
    case 'call':
      return callFunction(expr.fn, expr.args.map((a) => evaluate(a, ctx)), ctx.now);
    case 'neg': {
      const v = evaluate(expr.arg, ctx);
      return typeof v === 'number' ? -v : undefined;
    }
    case 'arith': {
      const a = evaluate(expr.left, ctx);
      const b = evaluate(expr.right, ctx);
      if (typeof a !== 'number' || typeof b !== 'number') return undefined;
      if (expr.operator === '/' && b === 0) return undefined;
      const r = { '+': a + b, '-': a - b, '*': a * b, '/': a / b }[expr.operator];
      return Number.isFinite(r) ? r : undefined;
    }
    case 'coalesce':
      return expr.args.map((a) => evaluate(a, ctx)).find((v) => v !== undefined);
    case 'cmp': {
      const a = evaluate(expr.left, ctx);
      const b = evaluate(expr.right, ctx);
      if (a === undefined || b === undefined) return false;
      if (expr.operator === '==') return same(a, b);
      if (expr.operator === '!=') return !same(a, b);
      return compare(a, b, expr.operator);
    }
    case 'in': {
      const found = contains(evaluate(expr.collection, ctx), evaluate(expr.value, ctx));
      if (found === null) return false;
      return expr.negated ? !found : found;
    }
    case 'contains':
      return contains(evaluate(expr.collection, ctx), evaluate(expr.value, ctx)) === true;
    case 'starts_with':
    case 'ends_with': {
      const t = evaluate(expr.text, ctx);
      const a = evaluate(expr.affix, ctx);
      if (typeof t !== 'string' || typeof a !== 'string') return false;
      return expr.op === 'starts_with' ? t.slice(0, a.length) === a : a.length === 0 || t.slice(-a.length) === a;
    }
    case 'between': {
      const v = evaluate(expr.value, ctx);
      const lo = evaluate(expr.low, ctx);
      const hi = evaluate(expr.high, ctx);
      if (v === undefined || lo === undefined || hi === undefined) return false;
      return compare(v, lo, '>=') && compare(v, hi, '<=');
    }
    case 'is_set':
      return (evaluate(expr.value, ctx) === undefined) === expr.negated;
    case 'and':
      return expr.args.every((a) => evaluate(a, ctx) === true);
    case 'or':
      return expr.args.some((a) => evaluate(a, ctx) === true);
    case 'not':
      return evaluate(expr.arg, ctx) !== true;
  }
}

/** Evaluates a condition: true only when the value is exactly `true`. */
export function holds(expr: Expr, ctx: EvalContext): boolean {
  return evaluate(expr, ctx) === true;
}

function readField(entity: string, path: string[], ctx: EvalContext): Value {
  let value: unknown;
  let rest = path.slice(1);
  const head = path[0] as string;
  if (entity === 'payload') {
    value = ctx.payload;
    rest = path;
  } else if (entity === 'user') {
    if (!ctx.user) return undefined;
    const builtin = USER_BUILTIN_FIELDS.get(head);
    value = builtin ? ctx.user[builtin] : own(ctx.user.fields, head);
  } else {
    if (!ctx.record) return undefined;
    if (head === 'id' && rest.length === 0) return ctx.record.id;
    if (head === 'owner' && rest.length === 0) return ctx.record.owner;
    value = own(ctx.record.fields, head);
  }
  for (const key of rest) value = isPlainObject(value) ? own(value, key) : undefined;
  return value === null ? undefined : (value as Value);
}

function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: Value, b: Value): boolean {
  if (a === undefined || b === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (isGeo(a) || isGeo(b)) return isGeo(a) && isGeo(b) && a.lat === b.lat && a.lon === b.lon;
  return typeof a === typeof b && a === b;
}

function compare(a: Value, b: Value, op: '<' | '<=' | '>' | '>='): boolean {
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return false;
  const sign = a < b ? -1 : a > b ? 1 : 0;
  return op === '<' ? sign < 0 : op === '<=' ? sign <= 0 : op === '>' ? sign > 0 : sign >= 0;
}

/** Whether `collection` holds `value`; null when the question cannot be asked. */
function contains(collection: Value, value: Value): boolean | null {
  if (value === undefined) return null;
  if (Array.isArray(collection)) return collection.some((item) => same(item, value));
  if (typeof collection === 'string' && typeof value === 'string') return collection.indexOf(value) >= 0;
  return null;
}
