import type { Value } from './context';
/** Equality of two set values: numbers, strings, booleans, geo points (by value), lists (element-wise). */
export declare function valuesEqual(a: Value, b: Value): boolean;
/** `a <op> b` for numbers, or strings (by UTF-16 code units); anything else is false. */
export declare function ordered(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean;
/**
 * Membership of `value` in `collection` (a list, or a text for substring search).
 * Returns undefined when the question cannot be asked (an operand unset or of the wrong kind).
 */
export declare function member(value: Value, collection: Value): boolean | undefined;
/** `+ - * /` on two numbers; unset otherwise or when the result is not finite. */
export declare function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value;
