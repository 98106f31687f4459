import type { CstNode } from 'chevrotain';
import type { Expr, Path } from './ast';
import { type BuildContext } from './cst-access';
/** `a and b and c` (one flat Logical node per level). */
export declare function buildExpr(ctx: BuildContext, node: CstNode): Expr;
/** `user.grade` after `weighted by`. */
export declare function buildPath(node: CstNode): Path;
