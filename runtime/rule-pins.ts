// What a rule's `when` pins: the record fields it requires to equal one of a few
// literal values in every record it matches (`lead.zip == "42"`, `lead.source in
// ["Web", "Ads"]`, an `or` whose every branch pins the same field), and the
// number ranges it requires (`lead.score between 10 and 60`, `lead.score >= 50`).
// The rule index (rule-index.ts) files rules under these, so that a record meets
// only the rules its values can satisfy. Sound by construction: a pin is only
// taken from a conjunct that must be true for the whole condition to hold.
import type { Expr } from '../compiler/ir';
import { printIrExpr } from '../compiler/ir-print';

/** A record field a condition reads, by its printed name (`lead.zip`), with its node. */
export interface PinnedField {
  name: string;
  node: Extract<Expr, { op: 'field' }>;
}

/** The values a field may have in every matching record: their keys (see `valueKey`). */
export interface ValuePin {
  field: PinnedField;
  keys: ReadonlySet<string>;
  /** The conjunct of `when` it comes from: exact, so a record filed under one of `keys` satisfies it. */
  conjunct: Expr;
}

/** A closed-or-open number interval a field must lie in; bounds may be infinite. */
export interface RangePin {
  field: PinnedField;
  low: number;
  high: number;
}

/** Everything `when` pins; empty lists when it pins nothing. */
export interface Pins {
  values: ValuePin[];
  ranges: RangePin[];
}

/** The key of a scalar under which the runtime's equality finds it (numbers, strings, booleans); null for anything else. */
export function valueKey(v: unknown): string | null {
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return Number.isFinite(v) ? `n${v === 0 ? 0 : v}` : null;
    case 'boolean':
      return v ? 'bt' : 'bf';
    default:
      return null;
  }
}

/** The conjuncts of a condition: the arguments of its top-level `and`s. */
export function conjuncts(expr: Expr): Expr[] {
  return expr.op === 'and' ? expr.args.flatMap(conjuncts) : [expr];
}

/** The pins of a rule's `when` (for the record entity `entity`). */
export function pinsOf(when: Expr | null, entity: string): Pins {
  const pins: Pins = { values: [], ranges: [] };
  if (when) for (const conjunct of conjuncts(when)) addPins(conjunct, entity, pins);
  return pins;
}

function addPins(expr: Expr, entity: string, pins: Pins): void {
  const value = valuePin(expr, entity);
  if (value) {
    pins.values.push({ ...value, conjunct: expr });
    return;
  }
  const range = rangePin(expr, entity);
  if (range) pins.ranges.push(range);
}

/** A record field node (not `user.…` or `payload.…`). */
function recordField(expr: Expr, entity: string): PinnedField | null {
  if (expr.op !== 'field' || expr.entity !== entity) return null;
  return { name: printIrExpr(expr), node: expr };
}

function literalKeys(expr: Expr): string[] | null {
  const items = expr.op === 'list' ? expr.items.map((i) => (i.op === 'lit' ? i.value : undefined)) : expr.op === 'lit' && Array.isArray(expr.value) ? expr.value : null;
  if (!items) return null;
  const keys: string[] = [];
  for (const item of items) {
    const key = valueKey(item);
    if (key === null) return null;
    keys.push(key);
  }
  return keys;
}

function valuePin(expr: Expr, entity: string): Omit<ValuePin, 'conjunct'> | null {
  if (expr.op === 'cmp' && expr.operator === '==') {
    for (const [a, b] of [
      [expr.left, expr.right],
      [expr.right, expr.left],
    ] as const) {
      const field = recordField(a, entity);
      const key = b.op === 'lit' ? valueKey(b.value) : null;
      if (field && key !== null) return { field, keys: new Set([key]) };
    }
    return null;
  }
  if (expr.op === 'in' && !expr.negated) {
    const field = recordField(expr.value, entity);
    const keys = literalKeys(expr.collection);
    return field && keys ? { field, keys: new Set(keys) } : null;
  }
  if (expr.op === 'or') {
    const branches = expr.args.map((arg) => valuePin(arg, entity));
    const [first] = branches;
    if (!first || branches.some((b) => !b || b.field.name !== first.field.name)) return null;
    return { field: first.field, keys: new Set(branches.flatMap((b) => [...b!.keys])) };
  }
  return null;
}

function numberLit(expr: Expr): number | null {
  if (expr.op === 'lit' && typeof expr.value === 'number') return expr.value;
  if (expr.op === 'duration') return expr.ms;
  return null;
}

function rangePin(expr: Expr, entity: string): RangePin | null {
  if (expr.op === 'between') {
    const field = recordField(expr.value, entity);
    const low = numberLit(expr.low);
    const high = numberLit(expr.high);
    return field && low !== null && high !== null ? { field, low, high } : null;
  }
  if (expr.op !== 'cmp' || expr.operator === '==' || expr.operator === '!=') return null;
  let field = recordField(expr.left, entity);
  let bound = numberLit(expr.right);
  let op = expr.operator;
  if (!field || bound === null) {
    field = recordField(expr.right, entity);
    bound = numberLit(expr.left);
    op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const)[op];
  }
  if (!field || bound === null) return null;
  // Strict bounds are widened to closed ones: the index only narrows, the condition still decides.
  return op === '<' || op === '<=' ? { field, low: -Infinity, high: bound } : { field, low: bound, high: Infinity };
}
