// Shared helpers for the language tests: parsing shortcuts, an AST walker, span checks.
import type { Clause, Expr, RuleDecl, SourceFile, Span } from '../../language/ast';
import { parse, type ParseResult } from '../../language/parse';

/** Any AST node: an object with a `kind` and a `span`. */
export interface AnyNode {
  kind: string;
  span: Span;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'span' in value;
}

/** The direct child nodes of a node (in property order, arrays flattened). */
export function children(node: AnyNode): AnyNode[] {
  const result: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'span') continue;
    if (Array.isArray(value)) result.push(...value.filter(isNode));
    else if (isNode(value)) result.push(value);
  }
  return result;
}

/** Every node of a tree with its parent (iterative, so deep trees are fine). */
export function allNodes(root: AnyNode): { node: AnyNode; parent: AnyNode | null }[] {
  const out: { node: AnyNode; parent: AnyNode | null }[] = [];
  const stack: { node: AnyNode; parent: AnyNode | null }[] = [{ node: root, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    out.push(entry);
    for (const child of children(entry.node)) stack.push({ node: child, parent: entry.node });
  }
  return out;
}

/** Problems with spans: out of the text, inverted, or outside the parent (comments are the file's own channel). */
export function spanProblems(ast: SourceFile, text: string): string[] {
  const problems: string[] = [];
  for (const { node, parent } of allNodes(ast)) {
    const { start, end } = node.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      problems.push(`${node.kind} has span ${start}..${end} in a text of ${text.length}`);
    }
    if (parent && (start < parent.span.start || end > parent.span.end)) {
      problems.push(`${node.kind} ${start}..${end} is outside its parent ${parent.kind} ${parent.span.start}..${parent.span.end}`);
    }
  }
  return problems;
}

/** Parses and returns the result (file name fixed). */
export function p(text: string): ParseResult {
  return parse(text, 'test.dist');
}

/** A rule around `body`, with the clauses every rule needs unless `bare`. */
export function ruleText(body: string, name = 'R'): string {
  return `rule "${name}" {\n${body}\n}\n`;
}

/** The only rule of `text`, which must parse cleanly. */
export function onlyRule(text: string): RuleDecl {
  const result = p(text);
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const rule = result.ast.declarations[0];
  if (rule?.kind !== 'Rule') throw new Error('no rule');
  return rule;
}

/** The first clause of a kind in a cleanly parsed single rule. */
export function clause<K extends Clause['kind']>(body: string, kind: K): Extract<Clause, { kind: K }> {
  const found = onlyRule(ruleText(body)).clauses.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clause`);
  return found as Extract<Clause, { kind: K }>;
}

/** The condition of `when EXPR`, parsed cleanly. */
export function condition(expr: string): Expr {
  return clause(`when ${expr}`, 'When').condition;
}

/** A compact, span-free rendering of an expression, for assertions. */
export function show(e: Expr): string {
  switch (e.kind) {
    case 'Number':
    case 'String':
    case 'Duration':
      return e.raw;
    case 'Bool':
      return String(e.value);
    case 'List':
      return `[${e.items.map(show).join(', ')}]`;
    case 'Path':
      return [e.head, ...e.segments].map((n) => n.text).join('.');
    case 'Call':
      return `${e.callee.text}(${e.args.map(show).join(', ')})`;
    case 'Unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'Binary':
    case 'Compare':
    case 'Predicate':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'Between':
      return `(${show(e.value)} between ${show(e.low)} and ${show(e.high)})`;
    case 'IsSet':
      return `(${show(e.value)} is ${e.negated ? 'not ' : ''}set)`;
    case 'Logical':
      return `(${e.operands.map(show).join(` ${e.op} `)})`;
    case 'Paren':
      return `{${show(e.expr)}}`;
  }
}
