import type { Expr } from '../../compiler/ir';
import type { ConditionTrace } from '../types';
import type { EvalContext } from './context';
/** What explaining a condition found. */
export interface ConditionExplanation {
    value: boolean;
    /** The first false conjunct (the whole condition when it is not an `and`). */
    failed?: ConditionTrace;
    /** Coverage mode: every boolean node, in source order. */
    conditions?: ConditionTrace[];
}
/** Evaluates `expr` as a condition and explains why it is false (and, with `coverage`, every node). */
export declare function explainCondition(expr: Expr, ctx: EvalContext, coverage?: boolean): ConditionExplanation;
/** Explains the failure of a condition fast: returns null when it holds, else its first false conjunct. */
export type CompiledExplainer = (ctx: EvalContext) => ConditionTrace | null;
/**
 * Precompiles the explanation of a condition (the engine's hot path): the
 * conjuncts of its `and` chains, each with its text and the fields it reads.
 */
export declare function compileExplainer(expr: Expr): CompiledExplainer;
/** A duration in the largest unit that divides it (`90m`, `2h`); `ms` otherwise. */
export declare function formatDuration(ms: number): string;
/** Prints an expression as `.dist` text (parenthesised where the language requires it). */
export declare function printExpr(expr: Expr): string;
