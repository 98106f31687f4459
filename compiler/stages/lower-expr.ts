// Lowers AST expressions to IR expressions: parentheses disappear, `??` chains
// become one `coalesce`, predicates get their own operators, durations become
// milliseconds, and every node keeps its span (offsets into its file).
import type { Expr as AstExpr } from '../../language/ast';
import type { Expr, FunctionName } from '../ir';

/** The IR form of a checked expression. */
export function lowerExpr(e: AstExpr): Expr {
  const span = { start: e.span.start, end: e.span.end };
  switch (e.kind) {
    case 'Number':
    case 'String':
    case 'Bool':
      return { op: 'lit', value: e.value, span };
    case 'Duration':
      return { op: 'duration', ms: e.ms, span };
    case 'List':
      return { op: 'list', items: e.items.map(lowerExpr), span };
    case 'Path':
      return { op: 'field', entity: e.head.text, path: e.segments.map((s) => s.text), span };
    case 'Call':
      return { op: 'call', fn: e.callee.text as FunctionName, args: e.args.map(lowerExpr), span };
    case 'Unary':
      return e.op === 'not' ? { op: 'not', arg: lowerExpr(e.operand), span } : { op: 'neg', arg: lowerExpr(e.operand), span };
    case 'Binary':
      if (e.op === '??') return { op: 'coalesce', args: coalesced(e).map(lowerExpr), span };
      return { op: 'arith', operator: e.op, left: lowerExpr(e.left), right: lowerExpr(e.right), span };
    case 'Compare':
      return { op: 'cmp', operator: e.op, left: lowerExpr(e.left), right: lowerExpr(e.right), span };
    case 'Predicate':
      return lowerPredicate(e, span);
    case 'Between':
      return { op: 'between', value: lowerExpr(e.value), low: lowerExpr(e.low), high: lowerExpr(e.high), span };
    case 'IsSet':
      return { op: 'is_set', value: lowerExpr(e.value), negated: e.negated, span };
    case 'Logical':
      return { op: e.op, args: e.operands.map(lowerExpr), span };
    case 'Paren':
      return lowerExpr(e.expr);
  }
}

function lowerPredicate(e: Extract<AstExpr, { kind: 'Predicate' }>, span: { start: number; end: number }): Expr {
  const left = lowerExpr(e.left);
  const right = lowerExpr(e.right);
  switch (e.op) {
    case 'in':
    case 'not in':
      return { op: 'in', value: left, collection: right, negated: e.op === 'not in', span };
    case 'contains':
      return { op: 'contains', collection: left, value: right, span };
    case 'starts_with':
    case 'ends_with':
      return { op: e.op, text: left, affix: right, span };
  }
}

/** The operands of a `??` chain, left to right, looking through parentheses. */
function coalesced(e: AstExpr): AstExpr[] {
  const inner = e.kind === 'Paren' ? e.expr : e;
  if (inner.kind === 'Binary' && inner.op === '??') return [...coalesced(inner.left), ...coalesced(inner.right)];
  return [e];
}
