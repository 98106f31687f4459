import type { Expr } from '../../compiler/ir';
import { type EvalContext, type Value } from './context';
/** Evaluates `expr` in `ctx`; undefined means unset. */
export declare function evaluate(expr: Expr, ctx: EvalContext): Value;
/** Evaluates a condition: true only when the value is exactly `true`. */
export declare function holds(expr: Expr, ctx: EvalContext): boolean;
