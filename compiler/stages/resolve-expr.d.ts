import type { Expr } from '../../language/ast';
import { type CompileContext, type ExprSite } from './context';
/** Resolves every name of a site's expression (recursion is bounded: the parser refuses deep trees). */
export declare function resolveSite(ctx: CompileContext, site: ExprSite, e?: Expr): void;
