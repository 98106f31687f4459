// Explains conditions for traces: prints an IR expression back as `.dist`-like
// text, finds the first false conjunct of a condition with the field values it
// read, and (coverage mode) records the value of every boolean node by span.
// Runs only on the explain path (decisions are matched without it and explained
// on demand), so it uses the reference interpreter.
import type { Expr } from '../../compiler/ir';
import { printIrExpr as printExpr } from '../../compiler/ir-print';
import { conditionNodes, visitExpr } from '../../compiler/ir-walk';
import type { ConditionTrace } from '../types';
import type { EvalContext } from './context';
import { evaluate } from './reference';

/** What explaining a condition found. */
export interface ConditionExplanation {
  value: boolean;
  /** The first false conjunct (the whole condition when it is not an `and`). */
  failed?: ConditionTrace;
  /** Coverage mode: every boolean node, in source order. */
  conditions?: ConditionTrace[];
}

/** Evaluates `expr` as a condition and explains why it is false (and, with `coverage`, every node). */
export function explainCondition(expr: Expr, ctx: EvalContext, coverage = false): ConditionExplanation {
  const value = evaluate(expr, ctx) === true;
  const result: ConditionExplanation = { value };
  if (!value) result.failed = traceOf(firstFalse(expr, ctx), ctx, false);
  if (coverage) {
    const conditions: ConditionTrace[] = [];
    for (const node of conditionNodes(expr)) conditions.push(traceOf(node, ctx, evaluate(node, ctx) === true));
    result.conditions = conditions;
  }
  return result;
}

/** The field values an expression reads, keyed by their printed name (`lead.score`); unset is null. */
function fieldValues(expr: Expr, ctx: EvalContext): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  visitExpr(expr, (node) => {
    if (node.op === 'field') values[printExpr(node)] = evaluate(node, ctx) ?? null;
  });
  return values;
}

function firstFalse(expr: Expr, ctx: EvalContext): Expr {
  if (expr.op !== 'and') return expr;
  const failing = expr.args.find((arg) => evaluate(arg, ctx) !== true);
  return failing ? firstFalse(failing, ctx) : expr;
}

function traceOf(expr: Expr, ctx: EvalContext, value: boolean): ConditionTrace {
  return { span: expr.span ?? null, text: printExpr(expr), value, values: fieldValues(expr, ctx) };
}
