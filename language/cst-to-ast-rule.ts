// Builds `rule` declarations and their clauses from the CST, and the queue targets
// that `fallback` and `settings { unmatched … }` share.
import type { CstNode, TokenType } from 'chevrotain';
import type {
  Clause, EventRef, FallbackClause, Method, OrderKey, Pool, QueueTarget, Requirement, RetryWindow, RuleDecl, Span,
  WeightEntry,
} from './ast';
import {
  buildMixedItems, closeDeclaration, durationLit, endOf, last, name, numberLit, optTok, present, stringLit, sub, subs,
  tok, tokenSpan, toks, whole, type BuildContext,
} from './cst-access';
import { buildExpr, buildPath } from './cst-to-ast-expr';
import { KW } from './tokens';

function to(start: number, end: { span: Span }): Span {
  return { start, end: end.span.end };
}

/** `queue "q" [retry every D for D]` */
export function buildQueueTarget(ctx: BuildContext, node: CstNode): QueueTarget {
  const queue = tok(whole(node), KW.queue.name);
  const queueName = stringLit(ctx, tok(node, 'StringLit'));
  let retry: RetryWindow | null = null;
  const retryWord = optTok(node, KW.retry.name);
  if (retryWord) {
    const every = durationLit(ctx, tok(node, 'DurationLit', 0));
    const window = durationLit(ctx, tok(node, 'DurationLit', 1));
    retry = { kind: 'RetryWindow', span: to(retryWord.startOffset, window), every, for: window };
  }
  return { kind: 'QueueTarget', span: to(queue.startOffset, retry ?? queueName), name: queueName, retry };
}

/** `rule "Name" { clause* }` */
export function buildRule(ctx: BuildContext, node: CstNode): RuleDecl {
  const keyword = tok(node, KW.rule.name);
  const ruleName = stringLit(ctx, tok(node, 'StringLit'));
  present(node, 'LCurly');
  const body = buildMixedItems(ctx, node, CLAUSES, 'clause');
  const { items, errors } = body;
  const { span, recovered } = closeDeclaration(ctx, node, keyword, body);
  return { kind: 'Rule', span, name: ruleName, clauses: items, errors, recovered };
}

/** The events of an `on` clause, whose parts the parser keeps in flat lists. */
function buildEvents(node: CstNode): EventRef[] {
  const entities = toks(node, 'Identifier');
  const opens = toks(node, 'LParen');
  const fields = toks(node, 'fields');
  const events: EventRef[] = [];
  let list = 0;
  let field = 0;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!;
    const event = tok(node, 'name', i);
    let eventFields: EventRef['fields'] = null;
    let end = endOf(event);
    const nextStart = entities[i + 1]?.startOffset ?? Infinity;
    if (opens[list] !== undefined && opens[list]!.startOffset < nextStart) {
      const close = tok(node, 'RParen', list++);
      eventFields = [];
      while (field < fields.length && fields[field]!.startOffset < close.startOffset) eventFields.push(name(fields[field++]!));
      end = endOf(close);
    }
    events.push({ kind: 'EventRef', span: { start: entity.startOffset, end }, entity: name(entity), event: name(event), fields: eventFields });
  }
  return events;
}

/** The requirements of a `require` clause: each `within D` belongs to the word before it. */
function buildRequirements(ctx: BuildContext, node: CstNode): Requirement[] {
  const words = toks(node, 'ValueWord');
  const withins = toks(node, KW.within.name);
  const items: Requirement[] = [];
  let within = 0;
  for (let i = 0; i < words.length; i++) {
    const word = name(words[i]!);
    const nextStart = words[i + 1]?.startOffset ?? Infinity;
    let window: Requirement['within'] = null;
    if (withins[within] !== undefined && withins[within]!.startOffset < nextStart) window = durationLit(ctx, tok(node, 'DurationLit', within++));
    items.push({ kind: 'Requirement', span: to(word.span.start, window ?? word), name: word, within: window });
  }
  return items;
}

function buildPool(ctx: BuildContext, clause: CstNode): Pool {
  const kind = tok(clause, 'kind');
  const start = kind.startOffset;
  if (kind.tokenType === KW.anyone) return { kind: 'AnyonePool', span: tokenSpan(kind) };
  const names = toks(clause, 'StringLit').map((t) => stringLit(ctx, t));
  if (kind.tokenType === KW.users) {
    const where = clause.children.expr ? buildExpr(ctx, sub(clause, 'expr')) : null;
    return { kind: 'UsersPool', span: to(start, where ?? last(names)), users: names, where };
  }
  if (kind.tokenType === KW.teams) return { kind: 'TeamsPool', span: to(start, last(names)), teams: names };
  return { kind: 'GroupsPool', span: to(start, last(names)), groups: names };
}

function buildMethod(ctx: BuildContext, node: CstNode): Method {
  const c = node.children;
  const simple = optTok(node, 'method');
  if (simple) return { kind: 'SimpleMethod', span: tokenSpan(simple), name: name(simple) };
  if (c.Weighted) {
    const start = tok(node, KW.weighted.name).startOffset;
    const by = c.path ? buildPath(sub(node, 'path')) : null;
    const weights = subs(node, 'weightEntry').map((e) => buildWeight(ctx, e));
    return { kind: 'WeightedMethod', span: { start, end: endOf(tok(node, 'RCurly')) }, by, weights };
  }
  if (c.Score) {
    const expr = buildExpr(ctx, sub(node, 'expr'));
    return { kind: 'ScoreMethod', span: to(tok(node, KW.score.name).startOffset, expr), expr };
  }
  const keys = subs(node, 'orderKey').map((k) => buildOrderKey(ctx, k));
  return { kind: 'OrderedMethod', span: to(tok(node, KW.ordered.name).startOffset, last(keys)), keys };
}

function buildWeight(ctx: BuildContext, node: CstNode): WeightEntry {
  const key = stringLit(ctx, tok(whole(node), 'StringLit'));
  const weight = buildExpr(ctx, sub(node, 'expr'));
  return { kind: 'WeightEntry', span: to(key.span.start, weight), key, weight };
}

function buildOrderKey(ctx: BuildContext, node: CstNode): OrderKey {
  const expr = buildExpr(ctx, sub(whole(node), 'expr'));
  const direction = optTok(node, 'direction');
  const end = direction ? endOf(direction) : expr.span.end;
  return { kind: 'OrderKey', span: { start: expr.span.start, end }, expr, direction: direction ? (direction.image as 'asc' | 'desc') : null };
}

function buildFallbackTarget(ctx: BuildContext, clause: CstNode): FallbackClause['target'] {
  const user = optTok(clause, KW.user.name);
  if (!user) return buildQueueTarget(ctx, sub(clause, 'queueTarget'));
  const userName = stringLit(ctx, tok(clause, 'StringLit'));
  return { kind: 'FallbackUser', span: to(user.startOffset, userName), user: userName };
}

/** Start offset of a clause: its keyword. */
function at(node: CstNode, keyword: TokenType): number {
  return tok(node, keyword.name).startOffset;
}

/** Builds the clause of the parser rule `key` (`takeClause`, …), as inside a rule; workflows share `take` and `description`. */
export function buildClause(ctx: BuildContext, key: 'takeClause' | 'descriptionClause', node: CstNode): Clause {
  return CLAUSES.get(key)!(ctx, node);
}

const CLAUSES = new Map<string, (ctx: BuildContext, node: CstNode) => Clause>(Object.entries({
  priorityClause: (ctx, node) => {
    const value = numberLit(ctx, tok(node, 'NumberLit'));
    return { kind: 'Priority', span: to(at(node, KW.priority), value), value };
  },
  idClause: (ctx, node) => {
    const value = stringLit(ctx, tok(node, 'StringLit'));
    return { kind: 'Id', span: to(at(node, KW.id), value), value };
  },
  descriptionClause: (ctx, node) => {
    const value = stringLit(ctx, tok(node, 'StringLit'));
    return { kind: 'Description', span: to(at(node, KW.description), value), value };
  },
  statusClause: (_ctx, node) => {
    const value = name(tok(node, 'ValueWord'));
    return { kind: 'Status', span: to(at(node, KW.status), value), value };
  },
  scopeClause: (ctx, node) => {
    const start = at(node, KW.scope);
    const global = optTok(node, KW.global.name);
    if (global) return { kind: 'Scope', span: { start, end: endOf(global) }, team: null };
    const team = stringLit(ctx, tok(node, 'StringLit'));
    return { kind: 'Scope', span: to(start, team), team };
  },
  onClause: (_ctx, node) => {
    const events = buildEvents(node);
    return { kind: 'On', span: to(at(node, KW.on), last(events)), events };
  },
  whenClause: (ctx, node) => {
    const condition = buildExpr(ctx, sub(node, 'expr'));
    return { kind: 'When', span: to(at(node, KW.when), condition), condition };
  },
  assignClause: (ctx, node) => {
    const pool = buildPool(ctx, node);
    return { kind: 'Assign', span: to(at(node, KW.assign), pool), pool };
  },
  requireClause: (ctx, node) => {
    const items = buildRequirements(ctx, node);
    return { kind: 'Require', span: to(at(node, KW.require), last(items)), items };
  },
  distributeClause: (ctx, node) => {
    const method = buildMethod(ctx, node);
    return { kind: 'Distribute', span: to(at(node, KW.distribute), method), method };
  },
  takeClause: (ctx, node) => {
    const count = numberLit(ctx, tok(node, 'NumberLit', 0));
    const min = optTok(node, KW.min.name) ? numberLit(ctx, tok(node, 'NumberLit', 1)) : null;
    return { kind: 'Take', span: to(at(node, KW.take), min ?? count), count, min };
  },
  turnoverClause: (ctx, node) => {
    const value = buildExpr(ctx, sub(node, 'expr'));
    const min = optTok(node, KW.min.name) ? numberLit(ctx, tok(node, 'NumberLit')) : null;
    return { kind: 'Turnover', span: to(at(node, KW.turnover), min ?? value), value, min };
  },
  expectClause: (ctx, node) => {
    const count = numberLit(ctx, tok(node, 'NumberLit'));
    const period = name(tok(node, 'ValueWord'));
    return { kind: 'Expect', span: to(at(node, KW.expect), period), count, period };
  },
  fallbackClause: (ctx, node) => {
    const target = buildFallbackTarget(ctx, node);
    return { kind: 'Fallback', span: to(at(node, KW.fallback), target), target };
  },
  reassignClause: (ctx, node) => {
    const after = durationLit(ctx, tok(node, 'DurationLit'));
    const when = node.children.When ? buildExpr(ctx, sub(node, 'expr')) : null;
    const max = optTok(node, KW.max.name) ? numberLit(ctx, tok(node, 'NumberLit')) : null;
    return { kind: 'Reassign', span: to(at(node, KW.reassign), max ?? when ?? after), after, when, max };
  },
}));
