import type { Expr } from '../../compiler/ir';
import { type EvalContext, type Value } from './context';
/** A compiled expression. */
export type Compiled = (ctx: EvalContext) => Value;
/** A compiled condition: true only when the expression is exactly `true`. */
export type CompiledCondition = (ctx: EvalContext) => boolean;
/** Compiles an expression to a closure returning its value (undefined: unset). */
export declare function compileExpr(expr: Expr): Compiled;
/** Compiles a boolean expression; anything but `true` (unset included) counts as false. */
export declare function compileCondition(expr: Expr): CompiledCondition;
