// Builds expression nodes from the CST. Chains are built with loops (arithmetic by
// operator precedence over the flat list the parser reads); each builder records the
// depth of what it built in `ctx.depth`, and a tree deeper than MAX_EXPRESSION_DEPTH
// is refused (DIST005) so later recursive walks stay safe. `and`/`or` mixed at one
// level is DIST004; chained comparisons and bare words are DIST003.
import type { CstNode, IToken } from 'chevrotain';
import type { Binary, Compare, Expr, Path, Predicate, Span } from './ast';
import {
  drop, durationLit, endOf, last, name, numberLit, optTok, stringLit, sub, subs, tok, tokenSpan, toks, whole, type BuildContext,
} from './cst-access';
import { diagnostic } from './diagnostics';
import { MAX_EXPRESSION_DEPTH } from './limits';
import { showSource } from './show-source';
import { firstTokenFrom } from './lexer';
import { Equals, KW } from './tokens';

type ArithOp = Binary['op'];
const PRECEDENCE: Record<string, number> = { '??': 1, '+': 2, '-': 2, '*': 3, '/': 3 };
const PREDICATES = new Set(['in', 'not in', 'contains', 'starts_with', 'ends_with']);

/** Records the depth of `node` and refuses trees that are too deep. */
function deeper<T extends Expr>(ctx: BuildContext, node: T, depth: number): T {
  if (depth > MAX_EXPRESSION_DEPTH) {
    drop(ctx, 'DIST005', node.span, `the expression is nested deeper than ${MAX_EXPRESSION_DEPTH} levels; simplify it`);
  }
  ctx.depth = depth;
  return node;
}

function spanOf(from: { span: Span }, to: { span: Span }): Span {
  return { start: from.span.start, end: to.span.end };
}

/** `a and b and c` (one flat Logical node per level). */
export function buildExpr(ctx: BuildContext, node: CstNode): Expr {
  const operands = subs(whole(node), 'comparison');
  const ops = toks(node, 'op');
  const first = buildComparison(ctx, sub(node, 'comparison'));
  if (ops.length === 0) return first;
  let depth = ctx.depth;
  const built = [first];
  for (let i = 1; i < operands.length; i++) {
    built.push(buildComparison(ctx, sub(node, 'comparison', i)));
    depth = Math.max(depth, ctx.depth);
  }
  const op = ops[0]!.image as 'and' | 'or';
  const mixed = ops.find((o) => o.image !== op);
  if (mixed) {
    ctx.diagnostics.push(diagnostic('DIST004', ctx.file, tokenSpan(mixed),
      '`and` and `or` are mixed at one level; add parentheses to say which comes first'));
  }
  return deeper(ctx, { kind: 'Logical', span: spanOf(first, last(built)), op, operands: built }, depth + 1);
}

/** Position in the flat lists of a comparison node while its operands are built. */
interface Cursor {
  primary: number;
  op: number;
  neg: number;
}

/** `not* operand tail?`: operands and tails are inline in the node (see the parser). */
function buildComparison(ctx: BuildContext, node: CstNode): Expr {
  const cmp = toks(whole(node), 'cmp');
  const at: Cursor = { primary: 0, op: 0, neg: 0 };
  let expr = buildOperand(ctx, node, at, cmp.length > 0 ? cmp[0]!.startOffset : Infinity);
  if (cmp.length > 0) expr = buildTail(ctx, node, expr, cmp, at);
  let depth = ctx.depth;
  const nots = toks(node, 'not');
  for (let i = nots.length - 1; i >= 0; i--) {
    expr = deeper(ctx, { kind: 'Unary', span: { start: nots[i]!.startOffset, end: expr.span.end }, op: 'not', operand: expr }, ++depth);
  }
  return expr;
}

function buildTail(ctx: BuildContext, node: CstNode, left: Expr, cmp: IToken[], at: Cursor): Expr {
  const first = cmp[0]!;
  const words = first.tokenType === KW.not ? 2 : 1;
  if (cmp.length > words) {
    const second = cmp[words]!;
    drop(ctx, 'DIST003', tokenSpan(second),
      `comparisons cannot be chained: ${showSource(second.image)} follows another comparison; join them with \`and\``);
  }
  let depth = ctx.depth;
  if (first.tokenType === KW.is) {
    const set = tok(node, KW.set.name);
    const negated = optTok(node, 'negated') !== undefined;
    return deeper(ctx, { kind: 'IsSet', span: { start: left.span.start, end: endOf(set) }, value: left, negated }, depth + 1);
  }
  if (first.tokenType === KW.between) {
    const low = buildOperand(ctx, node, at, tok(node, 'and').startOffset);
    depth = Math.max(depth, ctx.depth);
    const high = buildOperand(ctx, node, at, Infinity);
    depth = Math.max(depth, ctx.depth);
    return deeper(ctx, { kind: 'Between', span: spanOf(left, high), value: left, low, high }, depth + 1);
  }
  const right = buildOperand(ctx, node, at, Infinity);
  depth = Math.max(depth, ctx.depth);
  const span = spanOf(left, right);
  const op = words === 2 ? 'not in' : first.image;
  if (PREDICATES.has(op)) {
    return deeper(ctx, { kind: 'Predicate', span, op: op as Predicate['op'], left, right }, depth + 1);
  }
  return deeper(ctx, { kind: 'Compare', span, op: op as Compare['op'], left, right }, depth + 1);
}

/**
 * One operand of a comparison node: the primaries, operators and prefix `-` before
 * `bound`, from the cursor on. `??`, `+ -`, `* /` get the usual precedence, all
 * left-associative, built with stacks; each prefix `-` belongs to the primary after
 * it. No closures here: this runs for every operand.
 */
function buildOperand(ctx: BuildContext, node: CstNode, at: Cursor, bound: number): Expr {
  const ops = toks(node, 'op');
  const negs = toks(node, 'neg');
  let opEnd = at.op;
  while (opEnd < ops.length && ops[opEnd]!.startOffset < bound) opEnd++;
  let negFrom = at.neg;
  let negTo = prefixEnd(negs, negFrom, at.op < opEnd ? ops[at.op]!.startOffset : bound);
  const first = buildNegated(ctx, sub(node, 'primary', at.primary++), negs, negFrom, negTo);
  const values: Expr[] = [first];
  const depths: number[] = [ctx.depth];
  const pending: ArithOp[] = [];
  for (let i = at.op; i < opEnd; i++) {
    const op = ops[i]!.image as ArithOp;
    while (pending.length > 0 && PRECEDENCE[pending.at(-1)!]! >= PRECEDENCE[op]!) reduce(ctx, values, depths, pending);
    pending.push(op);
    negFrom = negTo;
    negTo = prefixEnd(negs, negFrom, i + 1 < opEnd ? ops[i + 1]!.startOffset : bound);
    values.push(buildNegated(ctx, sub(node, 'primary', at.primary++), negs, negFrom, negTo));
    depths.push(ctx.depth);
  }
  while (pending.length > 0) reduce(ctx, values, depths, pending);
  at.op = opEnd;
  at.neg = negTo;
  ctx.depth = depths[0]!;
  return values[0]!;
}

/** Index just past the prefix `-` tokens, from `from`, that start before `limit`. */
function prefixEnd(negs: readonly IToken[], from: number, limit: number): number {
  let end = from;
  while (end < negs.length && negs[end]!.startOffset < limit) end++;
  return end;
}

/** A primary wrapped in the prefix `-` tokens `negs[from..to)`. */
function buildNegated(ctx: BuildContext, node: CstNode, negs: readonly IToken[], from: number, to: number): Expr {
  let expr = buildPrimary(ctx, node);
  let depth = ctx.depth;
  for (let k = to - 1; k >= from; k--) {
    expr = deeper(ctx, { kind: 'Unary', span: { start: negs[k]!.startOffset, end: expr.span.end }, op: '-', operand: expr }, ++depth);
  }
  return expr;
}

/** Pops two operands and one operator into a Binary node. */
function reduce(ctx: BuildContext, values: Expr[], depths: number[], pending: ArithOp[]): void {
  const right = values.pop()!;
  const left = values.pop()!;
  const depth = Math.max(depths.pop()!, depths.pop()!) + 1;
  values.push(deeper(ctx, { kind: 'Binary', span: spanOf(left, right), op: pending.pop()!, left, right }, depth));
  depths.push(depth);
}

function buildList(ctx: BuildContext, node: CstNode): { items: Expr[]; depth: number } {
  const items: Expr[] = [];
  let depth = 0;
  for (let i = 0; i < subs(node, 'expr').length; i++) {
    items.push(buildExpr(ctx, sub(node, 'expr', i)));
    depth = Math.max(depth, ctx.depth);
  }
  return { items, depth };
}

function buildPrimary(ctx: BuildContext, node: CstNode): Expr {
  const c = whole(node).children;
  const word = optTok(node, 'word');
  if (word) {
    if (c.Dot) {
      const segments = toks(node, 'AnyWord').map(name);
      const path: Path = { kind: 'Path', span: { start: word.startOffset, end: last(segments).span.end }, head: name(word), segments };
      return deeper(ctx, path, 1);
    }
    const span = { start: word.startOffset, end: endOf(tok(node, 'RParen')) };
    const { items, depth } = buildList(ctx, node);
    return deeper(ctx, { kind: 'Call', span, callee: name(word), args: items }, depth + 1);
  }
  if (c.StringLit) return deeper(ctx, stringLit(ctx, tok(node, 'StringLit')), 1);
  if (c.NumberLit) return deeper(ctx, numberLit(ctx, tok(node, 'NumberLit')), 1);
  if (c.DurationLit) return deeper(ctx, durationLit(ctx, tok(node, 'DurationLit')), 1);
  const bool = optTok(node, KW.true.name) ?? optTok(node, KW.false.name);
  if (bool) return deeper(ctx, { kind: 'Bool', span: tokenSpan(bool), value: bool.image === 'true' }, 1);
  if (c.LBracket) {
    const span = { start: tok(node, 'LBracket').startOffset, end: endOf(tok(node, 'RBracket')) };
    const { items, depth } = buildList(ctx, node);
    return deeper(ctx, { kind: 'List', span, items }, depth + 1);
  }
  if (c.LParen) {
    const span = { start: tok(node, 'LParen').startOffset, end: endOf(tok(node, 'RParen')) };
    const expr = buildExpr(ctx, sub(node, 'expr'));
    return deeper(ctx, { kind: 'Paren', span, expr }, ctx.depth + 1);
  }
  return bareWord(ctx, tok(node, 'bare'));
}

/** Reports a bare word where a value belongs (the parser reads it so that the message can be precise). */
function bareWord(ctx: BuildContext, bare: IToken): never {
  const next = ctx.tokens[firstTokenFrom(ctx.tokens, endOf(bare))];
  if (next?.tokenType === Equals) {
    // `c =` with its value missing, then `d = …`: one message, not a second one at `=`.
    ctx.quietAt.add(next.startOffset);
    drop(ctx, 'DIST003', tokenSpan(bare), `expected a value, found ${showSource(bare.image)}, which starts the next mapping`);
  }
  return drop(ctx, 'DIST003', tokenSpan(bare),
    `expected a value, found the bare word ${showSource(bare.image)}; write a field such as \`lead.${bare.image}\` or a string such as \`"${bare.image}"\``);
}

/** `user.grade` after `weighted by`. */
export function buildPath(node: CstNode): Path {
  const head = tok(whole(node), 'Identifier');
  const segments = toks(node, 'AnyWord').map(name);
  return { kind: 'Path', span: { start: head.startOffset, end: last(segments).span.end }, head: name(head), segments };
}
