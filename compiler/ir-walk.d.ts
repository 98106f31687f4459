import type { Expr } from './ir';
/** Pre-order walk over an expression tree. */
export declare function visitExpr(expr: Expr, fn: (node: Expr) => void): void;
/** The direct sub-expressions of an IR expression. */
export declare function exprChildren(expr: Expr): Expr[];
/** The boolean nodes of an expression (comparisons, tests and their `and`/`or`/`not`), in pre-order. */
export declare function conditionNodes(expr: Expr): Expr[];
