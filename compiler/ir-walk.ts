// Walking IR expressions: the direct sub-expressions of a node and a pre-order
// visit. Shared by everything that reads conditions from the IR (the runtime's
// explain and indexes, scenario coverage, the analysis). Recursion is bounded:
// the parser refuses trees deeper than its limit.
import type { Expr } from './ir';

/** Pre-order walk over an expression tree. */
export function visitExpr(expr: Expr, fn: (node: Expr) => void): void {
  fn(expr);
  for (const child of exprChildren(expr)) visitExpr(child, fn);
}

/** The direct sub-expressions of an IR expression. */
export function exprChildren(expr: Expr): Expr[] {
  switch (expr.op) {
    case 'lit':
    case 'duration':
    case 'field':
      return [];
    case 'list':
      return expr.items;
    case 'call':
    case 'coalesce':
    case 'and':
    case 'or':
      return expr.args;
    case 'neg':
    case 'not':
      return [expr.arg];
    case 'arith':
    case 'cmp':
      return [expr.left, expr.right];
    case 'in':
      return [expr.value, expr.collection];
    case 'contains':
      return [expr.collection, expr.value];
    case 'starts_with':
    case 'ends_with':
      return [expr.text, expr.affix];
    case 'between':
      return [expr.value, expr.low, expr.high];
    case 'is_set':
      return [expr.value];
  }
}

const CONDITION_OPS: ReadonlySet<Expr['op']> = new Set(['cmp', 'in', 'contains', 'starts_with', 'ends_with', 'between', 'is_set', 'and', 'or', 'not']);

/** The boolean nodes of an expression (comparisons, tests and their `and`/`or`/`not`), in pre-order. */
export function conditionNodes(expr: Expr): Expr[] {
  const found: Expr[] = [];
  visitExpr(expr, (node) => {
    if (CONDITION_OPS.has(node.op)) found.push(node);
  });
  return found;
}
