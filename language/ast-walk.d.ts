import type { Expr, Span } from './ast';
/** Any AST node: an object with a `kind` and a `span`. */
export interface AstNode {
    kind: string;
    span: Span;
}
/** The direct child nodes of a node, in source order (comments excluded). */
export declare function children(node: AstNode): AstNode[];
/**
 * Visits every node below and including `root` in pre-order with its parent;
 * return `false` from `visit` to skip a node's children.
 */
export declare function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null) => boolean | void): void;
/**
 * The innermost node whose span holds `offset` (start inclusive, end inclusive, so
 * a cursor just after a word is on it), with its ancestors from `root` down; an
 * empty path when the offset is outside `root`.
 */
export declare function ancestors(root: AstNode, offset: number): AstNode[];
/** The innermost node at `offset`, or null when the offset is outside `root`. */
export declare function nodeAt(root: AstNode, offset: number): AstNode | null;
/** The direct sub-expressions of an expression. */
export declare function exprChildren(e: Expr): Expr[];
