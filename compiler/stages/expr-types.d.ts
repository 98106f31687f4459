import type { Expr } from '../../language/ast';
import type { Diagnostic, DiagnosticCode } from '../../language/diagnostics';
import type { CompileContext, ExprSite } from './context';
import { type Type } from './types';
/** What a type rule may use: the types of sub-expressions, quoting and reporting. */
export interface Checker {
    ctx: CompileContext;
    site: ExprSite;
    /** The type of a sub-expression (already computed), null when it has an error. */
    typeOf(e: Expr): Type | null;
    /** The expression's source text in backticks, shortened when long. */
    quote(e: Expr): string;
    report(code: DiagnosticCode, e: Expr, message: string, extra?: Pick<Diagnostic, 'data'>): null;
}
type KindOf<K extends Expr['kind']> = Extract<Expr, {
    kind: K;
}>;
type TypeRule<K extends Expr['kind']> = (e: KindOf<K>, c: Checker) => Type | null;
/** False (after reporting DIST208) when `lit` is a text literal that is not an option of `of`, of choice type `t`. */
export declare function choiceOk(c: Checker, t: Type, of: Expr | string, lit: Expr): boolean;
/** The type rule of every expression kind. */
export declare const TYPE_RULES: {
    [K in Expr['kind']]: TypeRule<K>;
};
export {};
