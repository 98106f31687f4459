// Walking the AST: the child nodes of any node, a pre-order walk, the innermost
// node at an offset and the chain of its ancestors (what hover, completion and
// go-to-definition start from), and the sub-expressions of an expression (what
// the compiler's name resolution and type checking recurse over). Iterative where
// trees can be deep; comments are the file's own channel and are not children.
import type { Expr, Span } from './ast';

/** Any AST node: an object with a `kind` and a `span`. */
export interface AstNode {
  kind: string;
  span: Span;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'span' in value;
}

const bySpan = (a: AstNode, b: AstNode) => a.span.start - b.span.start || b.span.end - a.span.end;

/** The direct child nodes of a node, in source order (comments excluded). */
export function children(node: AstNode): AstNode[] {
  const result: AstNode[] = [];
  let ordered = true;
  const add = (child: AstNode) => {
    if (ordered && result.length > 0 && bySpan(result[result.length - 1]!, child) > 0) ordered = false;
    result.push(child);
  };
  const fields = node as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (key === 'span' || key === 'comments') continue;
    const value = fields[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) add(item);
    } else if (isNode(value)) add(value);
  }
  // Most nodes list their children in source order already; sorting is stable, so skipping it changes nothing.
  return ordered ? result : result.sort(bySpan);
}

/**
 * Visits every node below and including `root` in pre-order with its parent;
 * return `false` from `visit` to skip a node's children.
 */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null) => boolean | void): void {
  const stack: { node: AstNode; parent: AstNode | null }[] = [{ node: root, parent: null }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if (visit(entry.node, entry.parent) === false) continue;
    const kids = children(entry.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parent: entry.node });
  }
}

/**
 * The innermost node whose span holds `offset` (start inclusive, end inclusive, so
 * a cursor just after a word is on it), with its ancestors from `root` down; an
 * empty path when the offset is outside `root`.
 */
export function ancestors(root: AstNode, offset: number): AstNode[] {
  const path: AstNode[] = [];
  if (offset < root.span.start || offset > root.span.end) return path;
  let node: AstNode | undefined = root;
  while (node) {
    path.push(node);
    node = innermostChild(node, offset);
  }
  return path;
}

/** The innermost node at `offset`, or null when the offset is outside `root`. */
export function nodeAt(root: AstNode, offset: number): AstNode | null {
  return ancestors(root, offset).at(-1) ?? null;
}

/** The child holding `offset`; of two that touch it (`a|.b`), the one that starts there wins. */
function innermostChild(node: AstNode, offset: number): AstNode | undefined {
  let found: AstNode | undefined;
  for (const child of children(node)) {
    if (child.span.start <= offset && offset <= child.span.end) found = child;
  }
  return found;
}

/** The direct sub-expressions of an expression. */
export function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case 'List':
      return e.items;
    case 'Call':
      return e.args;
    case 'Unary':
      return [e.operand];
    case 'Binary':
    case 'Compare':
    case 'Predicate':
      return [e.left, e.right];
    case 'Between':
      return [e.value, e.low, e.high];
    case 'IsSet':
      return [e.value];
    case 'Logical':
      return e.operands;
    case 'Paren':
      return [e.expr];
    default:
      return [];
  }
}
