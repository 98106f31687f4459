import { type CstNode, type IToken } from 'chevrotain';
import type { DurationLit, Name, NumberLit, Span, StringLit } from './ast';
import { type Diagnostic } from './diagnostics';
/** Thrown to leave an item out of the AST, with the diagnostic that explains why (if not yet reported). */
export declare class Dropped {
    readonly diagnostic: Diagnostic | null;
    constructor(diagnostic: Diagnostic | null);
}
/** What the builder needs besides the CST. */
export interface BuildContext {
    file: string;
    text: string;
    tokens: readonly IToken[];
    /** Literal tokens the lexer reported as malformed. */
    poisoned: ReadonlySet<IToken>;
    /** Start offsets of the parser's errors, ascending (end of file = text length). */
    errorStarts: readonly number[];
    /** Offsets where parse errors are not reported; the builder adds to it when its own message explains one. */
    quietAt: Set<number>;
    /** Diagnostics found while building (DIST003, DIST004, DIST005). */
    diagnostics: Diagnostic[];
    /** Depth of the expression most recently built (set by every expression builder). */
    depth: number;
}
/** Leaves the current item out, reporting `message` at `span`. */
export declare function drop(ctx: BuildContext, code: Diagnostic['code'], span: Span, message: string): never;
/** The i-th token under `key`; drops the item when it is missing or was invented by recovery. */
export declare function tok(node: CstNode, key: string, i?: number): IToken;
/** The i-th token under `key`, or undefined. */
export declare function optTok(node: CstNode, key: string, i?: number): IToken | undefined;
/** Every token under `key`. */
export declare function toks(node: CstNode, key: string): IToken[];
/** Checks that a node was read whole. */
export declare function whole(node: CstNode): CstNode;
/** The i-th child node under `key`, read whole. */
export declare function sub(node: CstNode, key: string, i?: number): CstNode;
/** Every child node under `key` (not checked: each is checked when it is built). */
export declare function subs(node: CstNode, key: string): CstNode[];
/** The last of a list the grammar guarantees to be non-empty (drops the item otherwise). */
export declare function last<T>(items: readonly T[]): T;
/** Offset just past the token. */
export declare function endOf(token: IToken): number;
/** The span of one token. */
export declare function tokenSpan(token: IToken): Span;
export declare function name(token: IToken): Name;
export declare function stringLit(ctx: BuildContext, token: IToken): StringLit;
export declare function numberLit(ctx: BuildContext, token: IToken): NumberLit;
export declare function durationLit(ctx: BuildContext, token: IToken): DurationLit;
/** Checks that the parser saw `key` (a real or a recovery-inserted token). */
export declare function present(node: CstNode, key: string): void;
/** The items of a body, and whether any was left out (the parent is then `recovered`). */
export interface Items<T> {
    items: T[];
    dropped: boolean;
}
/**
 * Builds items of a body (clauses, settings, fields, map items) into `into`. An item
 * that could not be read whole, or that junk the parser skipped directly follows (as
 * in `when lead.x = 1`), is left out.
 */
export declare function buildItems<T extends {
    span: Span;
}>(ctx: BuildContext, nodes: readonly CstNode[], build: (ctx: BuildContext, node: CstNode) => T, into?: Items<T>): Items<T>;
/** Items of several kinds (children under different keys), back in source order. */
export declare function buildMixedItems<T extends {
    span: Span;
}>(ctx: BuildContext, node: CstNode, builders: ReadonlyMap<string, (ctx: BuildContext, node: CstNode) => T>): Items<T>;
/** Span and `recovered` flag of a declaration whose body has been built. */
export declare function closeDeclaration(ctx: BuildContext, node: CstNode, keyword: IToken, dropped: boolean): {
    span: Span;
    recovered: boolean;
};
