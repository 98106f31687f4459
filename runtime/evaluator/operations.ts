// Value semantics of the compiled evaluator: equality, ordering, membership,
// arithmetic. An unset operand makes every comparison false (LANGUAGE.md), and
// arithmetic on an unset operand, or a result that is not a finite number
// (division by zero), is unset. The reference interpreter (reference.ts)
// restates these rules independently so that the two can be tested against
// each other.
import type { Value } from './context';
import { isGeo } from './functions';

/** Equality of two set values: numbers, strings, booleans, geo points (by value), lists (element-wise). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (Array.isArray(b)) return false;
  return isGeo(a) && isGeo(b) && a.lat === b.lat && a.lon === b.lon;
}

/** `a <op> b` for numbers, or strings (by UTF-16 code units); anything else is false. */
export function ordered(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/**
 * Membership of `value` in `collection` (a list, or a text for substring search).
 * Returns undefined when the question cannot be asked (an operand unset or of the wrong kind).
 */
export function member(value: Value, collection: Value): boolean | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(collection)) return collection.some((item) => valuesEqual(item, value));
  if (typeof collection === 'string' && typeof value === 'string') return collection.includes(value);
  return undefined;
}

/** `+ - * /` on two numbers; unset otherwise or when the result is not finite. */
export function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value {
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  return Number.isFinite(r) ? r : undefined;
}
