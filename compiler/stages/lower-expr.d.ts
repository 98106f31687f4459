import type { Expr as AstExpr } from '../../language/ast';
import type { Expr } from '../ir';
/** The IR form of a checked expression. */
export declare function lowerExpr(e: AstExpr): Expr;
