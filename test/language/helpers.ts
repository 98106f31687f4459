// Shared helpers for the language tests: parsing shortcuts and span checks.
import type { Clause, Expr, RuleDecl, SourceFile, Span } from '../../language/ast';
import { walk } from '../../language/ast-walk';
import { parse, type ParseResult } from '../../language/parse';

/** Problems with spans: out of the text, inverted, or outside the parent (comments are the file's own channel). */
export function spanProblems(ast: SourceFile, text: string): string[] {
  const problems: string[] = [];
  const check = (node: { kind: string; span: Span }, parent: { kind: string; span: Span } | null) => {
    const { start, end } = node.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      problems.push(`${node.kind} has span ${start}..${end} in a text of ${text.length}`);
    }
    if (parent && (start < parent.span.start || end > parent.span.end)) {
      problems.push(`${node.kind} ${start}..${end} is outside its parent ${parent.kind} ${parent.span.start}..${parent.span.end}`);
    }
  };
  walk(ast, check);
  for (const comment of ast.comments) check(comment, ast);
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
