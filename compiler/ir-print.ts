// IR expressions as `.dist` text: each IR node is raised to the AST node it was
// lowered from (parentheses added where precedence needs them) and printed by the
// language's one expression printer, so explain traces, scenario reports and rule
// diffs show conditions exactly as the formatter writes them.
import type * as ast from '../language/ast';
import { printExpr as printAst } from '../language/format-expr';
import { formatDuration } from '../language/literals';
import type { Expr, Literal } from './ir';

/** The `.dist` text of an IR expression. */
export function printIrExpr(expr: Expr): string {
  return printAst(raise(expr));
}

const NO_SPAN: ast.Span = { start: 0, end: 0 };

function raise(e: Expr): ast.Expr {
  switch (e.op) {
    case 'lit':
      return literal(e.value);
    case 'duration':
      return { kind: 'Duration', span: NO_SPAN, ms: e.ms, raw: formatDuration(e.ms) };
    case 'field':
      return { kind: 'Path', span: NO_SPAN, head: name(e.entity), segments: e.path.map(name) };
    case 'list':
      return { kind: 'List', span: NO_SPAN, items: e.items.map(raise) };
    case 'call':
      return { kind: 'Call', span: NO_SPAN, callee: name(e.fn), args: e.args.map(raise) };
    case 'neg':
      return { kind: 'Unary', span: NO_SPAN, op: '-', operand: operand(e.arg, 3) };
    case 'arith': {
      const p = precedence(e);
      const rightMin = e.operator === '-' || e.operator === '/' ? p + 1 : p;
      return { kind: 'Binary', span: NO_SPAN, op: e.operator, left: operand(e.left, p), right: operand(e.right, rightMin) };
    }
    case 'coalesce':
      return e.args
        .map((a) => operand(a, 3))
        .reduce((left, right) => ({ kind: 'Binary', span: NO_SPAN, op: '??', left, right }));
    case 'cmp':
      return { kind: 'Compare', span: NO_SPAN, op: e.operator, left: raise(e.left), right: raise(e.right) };
    case 'in':
      return { kind: 'Predicate', span: NO_SPAN, op: e.negated ? 'not in' : 'in', left: raise(e.value), right: raise(e.collection) };
    case 'contains':
      return { kind: 'Predicate', span: NO_SPAN, op: 'contains', left: raise(e.collection), right: raise(e.value) };
    case 'starts_with':
    case 'ends_with':
      return { kind: 'Predicate', span: NO_SPAN, op: e.op, left: raise(e.text), right: raise(e.affix) };
    case 'between':
      return { kind: 'Between', span: NO_SPAN, value: raise(e.value), low: raise(e.low), high: raise(e.high) };
    case 'is_set':
      return { kind: 'IsSet', span: NO_SPAN, value: raise(e.value), negated: e.negated };
    case 'and':
    case 'or':
      return { kind: 'Logical', span: NO_SPAN, op: e.op, operands: e.args.map((a) => (a.op === 'and' || a.op === 'or' ? paren(raise(a)) : raise(a))) };
    case 'not':
      return { kind: 'Unary', span: NO_SPAN, op: 'not', operand: isAtom(e.arg) ? raise(e.arg) : paren(raise(e.arg)) };
  }
}

function literal(value: Literal): ast.Expr {
  if (Array.isArray(value)) return { kind: 'List', span: NO_SPAN, items: value.map(literal) };
  if (typeof value === 'string') return { kind: 'String', span: NO_SPAN, value, raw: JSON.stringify(value) };
  if (typeof value === 'number') return { kind: 'Number', span: NO_SPAN, value, raw: String(value) };
  return { kind: 'Bool', span: NO_SPAN, value };
}

function name(text: string): ast.Name {
  return { kind: 'Name', span: NO_SPAN, text };
}

function paren(expr: ast.Expr): ast.Expr {
  return { kind: 'Paren', span: NO_SPAN, expr };
}

/** 1 for `+ -`, 2 for `* /`, 4 for atoms and negation, 0 for everything else. */
function precedence(e: Expr): number {
  if (e.op === 'arith') return e.operator === '+' || e.operator === '-' ? 1 : 2;
  return isAtom(e) || e.op === 'neg' ? 4 : 0;
}

function operand(e: Expr, min: number): ast.Expr {
  return precedence(e) >= min ? raise(e) : paren(raise(e));
}

function isAtom(e: Expr): boolean {
  return e.op === 'lit' || e.op === 'duration' || e.op === 'field' || e.op === 'list' || e.op === 'call';
}
