// Typed, defensive access to Chevrotain's CST for the AST builder. Anything missing,
// recovered or malformed throws `Dropped`, which the nearest item (clause, setting,
// field, map item, declaration) catches: that item becomes an explicit `Error`
// node with its span and its parent is marked `recovered`, so no half-built node
// ever reaches later stages.
import { tokenMatcher, type CstElement, type CstNode, type IToken } from 'chevrotain';
import type { DurationLit, ErrorNode, Name, NumberLit, Span, StringLit } from './ast';
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

/** The start of the first real token anywhere under `node` (-1 when none). */
function firstStart(node: CstNode): number {
  let start = -1;
  for (const key in node.children) {
    for (const element of node.children[key]!) {
      const s = isToken(element) ? (Number.isNaN(element.startOffset) || element.isInsertedInRecovery ? -1 : element.startOffset) : firstStart(element);
      if (s >= 0 && (start < 0 || s < start)) start = s;
    }
  }
  return start;
}

/** The first real token directly under `node` when it is a word (the item's keyword). */
function leadingWord(node: CstNode, start: number): Name | null {
  for (const key in node.children) {
    for (const element of node.children[key]!) {
      if (isToken(element) && element.startOffset === start && /^\p{L}/u.test(element.image)) return name(element);
    }
  }
  return null;
}

/**
 * The Error node left for an item that could not be read whole: from its first
 * real token to the last one read (or to `end`, when junk that belongs to it follows).
 */
export function errorNode(node: CstNode, expected: string, end = -1): ErrorNode | null {
  const start = firstStart(node);
  if (start < 0) return null;
  return { kind: 'Error', span: { start, end: Math.max(end, lastEnd(node), start) }, expected, keyword: leadingWord(node, start) };
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

/** The token right after `end` when it is junk the parser skipped that looks like the item's own continuation. */
function junkAfter(ctx: BuildContext, end: number): IToken | null {
  if (ctx.errorStarts.length === 0) return null;
  const next = ctx.tokens[firstTokenFrom(ctx.tokens, end)];
  return next !== undefined && errorAt(ctx, next.startOffset) && !tokenMatcher(next, AnyWord) && next.tokenType !== RCurly ? next : null;
}

/** The items of a body, the Error nodes of those left out, and whether any was (the parent is then `recovered`). */
export interface Items<T> {
  items: T[];
  errors: ErrorNode[];
  dropped: boolean;
}

/**
 * Builds items of a body (clauses, settings, fields, map items) into `into`. An item
 * that could not be read whole, or that junk the parser skipped directly follows (as
 * in `when lead.x = 1`), is left out and becomes an Error node (`expected` names it).
 */
export function buildItems<T extends { span: Span }>(
  ctx: BuildContext,
  nodes: readonly CstNode[],
  build: (ctx: BuildContext, node: CstNode) => T,
  expected: string,
  into: Items<T> = { items: [], errors: [], dropped: false },
): Items<T> {
  for (const node of nodes) {
    let junkEnd = -1;
    try {
      const item = build(ctx, whole(node));
      const junk = junkAfter(ctx, item.span.end);
      if (!junk) {
        into.items.push(item);
        continue;
      }
      junkEnd = endOf(junk);
    } catch (error) {
      if (!(error instanceof Dropped)) throw error;
      if (error.diagnostic) ctx.diagnostics.push(error.diagnostic);
    }
    into.dropped = true;
    const left = errorNode(node, expected, junkEnd);
    if (left) into.errors.push(left);
  }
  return into;
}

/** Items of several kinds (children under different keys), back in source order. */
export function buildMixedItems<T extends { span: Span }>(
  ctx: BuildContext,
  node: CstNode,
  builders: ReadonlyMap<string, (ctx: BuildContext, node: CstNode) => T>,
  expected: string,
): Items<T> {
  const result: Items<T> = { items: [], errors: [], dropped: false };
  let kinds = 0;
  for (const key in node.children) {
    const build = builders.get(key);
    if (build === undefined) continue;
    kinds++;
    buildItems(ctx, node.children[key] as CstNode[], build, expected, result);
  }
  if (kinds > 1) {
    result.items.sort((a, b) => a.span.start - b.span.start);
    result.errors.sort((a, b) => a.span.start - b.span.start);
  }
  return result;
}

/** Span and `recovered` flag of a declaration whose body has been built (its Error nodes are kept inside it). */
export function closeDeclaration(
  ctx: BuildContext,
  node: CstNode,
  keyword: IToken,
  { dropped, errors }: Items<unknown>,
): { span: Span; recovered: boolean } {
  const close = optTok(node, 'RCurly');
  const span = { start: keyword.startOffset, end: close ? endOf(close) : lastEnd(node) };
  // Junk an Error node took in stays inside the declaration.
  for (const error of errors) error.span.end = Math.max(error.span.start, Math.min(error.span.end, span.end));
  // An error at the keyword itself belongs to the declaration before (its `}` is missing).
  const inside = { start: span.start + 1, end: span.end };
  return { span, recovered: !close || dropped || node.recoveredNode === true || errorWithin(ctx, inside) };
}
