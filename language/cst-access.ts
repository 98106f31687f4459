// Typed, defensive access to Chevrotain's CST for the AST builder. Anything missing,
// recovered or malformed throws `Dropped`, which the nearest item (clause, setting,
// field, map item, declaration) catches: that item is left out of the AST and its
// parent is marked `recovered`, so no half-built node ever reaches later stages.
import { tokenMatcher, type CstElement, type CstNode, type IToken } from 'chevrotain';
import type { DurationLit, Name, NumberLit, Span, StringLit } from './ast';
import { diagnostic, type Diagnostic } from './diagnostics';
import { firstTokenFrom } from './lexer';
import { decodeString, durationMs, numberValue } from './literals';
import { AnyWord, RCurly } from './tokens';

/** Thrown to leave an item out of the AST, with the diagnostic that explains why (if not yet reported). */
export class Dropped {
  constructor(readonly diagnostic: Diagnostic | null) {}
}

const SILENT_DROP = new Dropped(null);

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
export function drop(ctx: BuildContext, code: Diagnostic['code'], span: Span, message: string): never {
  throw new Dropped(diagnostic(code, ctx.file, span, message));
}

// Each CST key holds only tokens (a token name or label) or only nodes (a rule name),
// so the accessors below can cast instead of filtering.
const NONE: never[] = [];

function isToken(element: CstElement): element is IToken {
  return (element as IToken).image !== undefined;
}

/** The i-th token under `key`; drops the item when it is missing or was invented by recovery. */
export function tok(node: CstNode, key: string, i = 0): IToken {
  const token = node.children[key]?.[i] as IToken | undefined;
  if (token === undefined || token.isInsertedInRecovery) throw SILENT_DROP;
  return token;
}

/** The i-th token under `key`, or undefined. */
export function optTok(node: CstNode, key: string, i = 0): IToken | undefined {
  const token = node.children[key]?.[i] as IToken | undefined;
  return token !== undefined && !token.isInsertedInRecovery ? token : undefined;
}

/** Every token under `key`. */
export function toks(node: CstNode, key: string): IToken[] {
  return (node.children[key] as IToken[] | undefined) ?? NONE;
}

/** Checks that a node was read whole. */
export function whole(node: CstNode): CstNode {
  if (node.recoveredNode) throw SILENT_DROP;
  return node;
}

/** The i-th child node under `key`, read whole. */
export function sub(node: CstNode, key: string, i = 0): CstNode {
  const child = node.children[key]?.[i] as CstNode | undefined;
  if (child === undefined) throw SILENT_DROP;
  return whole(child);
}

/** Every child node under `key` (not checked: each is checked when it is built). */
export function subs(node: CstNode, key: string): CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? NONE;
}

/** The last of a list the grammar guarantees to be non-empty (drops the item otherwise). */
export function last<T>(items: readonly T[]): T {
  if (items.length === 0) throw SILENT_DROP;
  return items[items.length - 1]!;
}

/** Offset just past the token. */
export function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** The span of one token. */
export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: endOf(token) };
}

/** The end of the last real token anywhere under `node` (for items that lost their closing token). */
function lastEnd(node: CstNode): number {
  let end = -1;
  for (const key in node.children) {
    for (const element of node.children[key]!) {
      const e = isToken(element) ? (Number.isNaN(element.startOffset) ? -1 : endOf(element)) : lastEnd(element);
      if (e > end) end = e;
    }
  }
  return end;
}

/** True when a parser error starts inside `span`. */
function errorWithin(ctx: BuildContext, span: Span): boolean {
  const starts = ctx.errorStarts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < span.end;
}

export function name(token: IToken): Name {
  return { kind: 'Name', span: tokenSpan(token), text: token.image };
}

function literal(ctx: BuildContext, token: IToken): IToken {
  if (ctx.poisoned.has(token)) throw SILENT_DROP;
  return token;
}

export function stringLit(ctx: BuildContext, token: IToken): StringLit {
  const raw = literal(ctx, token).image;
  return { kind: 'String', span: tokenSpan(token), value: decodeString(raw).value, raw };
}

export function numberLit(ctx: BuildContext, token: IToken): NumberLit {
  const raw = literal(ctx, token).image;
  return { kind: 'Number', span: tokenSpan(token), value: numberValue(raw), raw };
}

export function durationLit(ctx: BuildContext, token: IToken): DurationLit {
  const raw = literal(ctx, token).image;
  return { kind: 'Duration', span: tokenSpan(token), ms: durationMs(raw), raw };
}

/** Checks that the parser saw `key` (a real or a recovery-inserted token). */
export function present(node: CstNode, key: string): void {
  if (node.children[key] === undefined) throw SILENT_DROP;
}

function errorAt(ctx: BuildContext, offset: number): boolean {
  return errorWithin(ctx, { start: offset, end: offset + 1 });
}

/** True when the token right after `end` is junk the parser skipped that looks like the item's own continuation. */
function junkAfter(ctx: BuildContext, end: number): boolean {
  if (ctx.errorStarts.length === 0) return false;
  const next = ctx.tokens[firstTokenFrom(ctx.tokens, end)];
  return next !== undefined && errorAt(ctx, next.startOffset) && !tokenMatcher(next, AnyWord) && next.tokenType !== RCurly;
}

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
export function buildItems<T extends { span: Span }>(
  ctx: BuildContext,
  nodes: readonly CstNode[],
  build: (ctx: BuildContext, node: CstNode) => T,
  into: Items<T> = { items: [], dropped: false },
): Items<T> {
  for (const node of nodes) {
    try {
      const item = build(ctx, whole(node));
      if (junkAfter(ctx, item.span.end)) into.dropped = true;
      else into.items.push(item);
    } catch (error) {
      if (!(error instanceof Dropped)) throw error;
      if (error.diagnostic) ctx.diagnostics.push(error.diagnostic);
      into.dropped = true;
    }
  }
  return into;
}

/** Items of several kinds (children under different keys), back in source order. */
export function buildMixedItems<T extends { span: Span }>(
  ctx: BuildContext,
  node: CstNode,
  builders: ReadonlyMap<string, (ctx: BuildContext, node: CstNode) => T>,
): Items<T> {
  const result: Items<T> = { items: [], dropped: false };
  let kinds = 0;
  for (const key in node.children) {
    const build = builders.get(key);
    if (build === undefined) continue;
    kinds++;
    buildItems(ctx, node.children[key] as CstNode[], build, result);
  }
  if (kinds > 1) result.items.sort((a, b) => a.span.start - b.span.start);
  return result;
}

/** Span and `recovered` flag of a declaration whose body has been built. */
export function closeDeclaration(
  ctx: BuildContext,
  node: CstNode,
  keyword: IToken,
  dropped: boolean,
): { span: Span; recovered: boolean } {
  const close = optTok(node, 'RCurly');
  const span = { start: keyword.startOffset, end: close ? endOf(close) : lastEnd(node) };
  // An error at the keyword itself belongs to the declaration before (its `}` is missing).
  const inside = { start: span.start + 1, end: span.end };
  return { span, recovered: !close || dropped || node.recoveredNode === true || errorWithin(ctx, inside) };
}
