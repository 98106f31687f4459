// Exports each rule's `when` in json-rules-engine's format: `all`/`any` for
// `and`/`or`, one `{ fact, operator, value }` per comparison of a record field
// with literals (`path` for nested fields), the rule's priority turned into
// json-rules-engine's (higher runs first) and an event naming the rule. Only
// what means the same in both engines is exported; anything else is refused with
// the rule and the construct. The subtle part is an unset field: json-rules-engine
// finds it different from every value, `.dist` finds every comparison with it
// false, so `!=` and `not in` are exported exactly only for fields whose values
// are known (choice, number, bool), and on text fields only when asked to
// (`lenient`, where an unset field then counts as different).
import type { Expr, FieldType, Program, Rule } from '../ir';
import { printIrExpr } from '../ir-print';

/** A json-rules-engine condition. */
export type JreCondition =
  | { all: JreCondition[] }
  | { any: JreCondition[] }
  | { fact: string; operator: string; value: string | number | boolean | (string | number | boolean)[]; path?: string };

/** A json-rules-engine rule. */
export interface JreRule {
  name: string;
  priority: number;
  conditions: { all: JreCondition[] } | { any: JreCondition[] };
  event: { type: 'route'; params: { rule: string; ruleId: string } };
}

/** Why a construct cannot be exported: the rule, the construct as written, and the reason. */
export interface ExportProblem {
  rule: string;
  ruleId: string;
  construct: string;
  reason: string;
}

export interface JreExportOptions {
  /** Export `!=` and `not in` on text fields as notEqual/notIn, which also hold when the field is unset. */
  lenient?: boolean;
}

/** The rules in json-rules-engine's format, or every construct that cannot be exported. */
export function exportJsonRulesEngine(program: Program, options: JreExportOptions = {}): { ok: true; rules: JreRule[] } | { ok: false; problems: ExportProblem[] } {
  const problems: ExportProblem[] = [];
  const rules: JreRule[] = [];
  const ordered = [...program.rules].sort((a, b) => a.priority - b.priority);
  ordered.forEach((rule, i) => {
    const found: ExportProblem[] = [];
    const conditions = rule.when ? exportCondition(rule.when, context(program, rule, options, found)) : { all: [] };
    problems.push(...found);
    rules.push({
      name: rule.name,
      priority: ordered.length - i,
      conditions: 'all' in conditions || 'any' in conditions ? conditions : { all: [conditions] },
      event: { type: 'route', params: { rule: rule.name, ruleId: rule.id } },
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

/** Exports one condition over the fields of `entity` (for tests and tools); throws nothing, reports into `problems`. */
export function exportConditionOf(expr: Expr, fields: ReadonlyMap<string, FieldType>, entity: string, options: JreExportOptions, problems: ExportProblem[]): JreCondition {
  return exportCondition(expr, { entity, fields, lenient: options.lenient ?? false, rule: '', ruleId: '', problems });
}

interface Context {
  entity: string;
  fields: ReadonlyMap<string, FieldType>;
  lenient: boolean;
  rule: string;
  ruleId: string;
  problems: ExportProblem[];
}

function context(program: Program, rule: Rule, options: JreExportOptions, problems: ExportProblem[]): Context {
  const schema = Object.prototype.hasOwnProperty.call(program.schemas, rule.entity) ? program.schemas[rule.entity] : undefined;
  return { entity: rule.entity, fields: new Map(Object.entries(schema?.fields ?? {})), lenient: options.lenient ?? false, rule: rule.name, ruleId: rule.id, problems };
}

function refuse(expr: Expr, ctx: Context, reason: string): JreCondition {
  ctx.problems.push({ rule: ctx.rule, ruleId: ctx.ruleId, construct: printIrExpr(expr), reason });
  return { all: [] };
}

type Scalar = string | number | boolean;

function scalarOf(expr: Expr): Scalar | null {
  if (expr.op === 'lit' && (typeof expr.value === 'string' || typeof expr.value === 'number' || typeof expr.value === 'boolean')) return expr.value;
  if (expr.op === 'duration') return expr.ms;
  return null;
}

function scalarsOf(expr: Expr): Scalar[] | null {
  const items = expr.op === 'list' ? expr.items.map(scalarOf) : expr.op === 'lit' && Array.isArray(expr.value) ? expr.value.map((v) => scalarOf({ op: 'lit', value: v })) : null;
  return items && items.every((i) => i !== null) ? (items as Scalar[]) : null;
}

/** The fact (and path) of a record field node; null when it is not one. */
function factOf(expr: Expr, ctx: Context): { fact: string; path?: string; type: FieldType | undefined } | null {
  if (expr.op !== 'field' || expr.entity !== ctx.entity) return null;
  const [head = '', ...rest] = expr.path;
  const type = rest.length === 0 ? ctx.fields.get(head) : undefined;
  return rest.length > 0 ? { fact: head, path: `$.${rest.join('.')}`, type } : { fact: head, type };
}

function leaf(fact: { fact: string; path?: string }, operator: string, value: Scalar | Scalar[]): JreCondition {
  return fact.path ? { fact: fact.fact, operator, value, path: fact.path } : { fact: fact.fact, operator, value };
}

/** Fields json-rules-engine compares as numbers: `number`, `time` and `duration` (numbers in records). */
function isNumeric(type: FieldType | undefined): boolean {
  return type?.type === 'number' || type?.type === 'time' || type?.type === 'duration';
}

const FLIPPED = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;
const NUMBER_OPERATORS = { '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' } as const;

function exportCondition(expr: Expr, ctx: Context): JreCondition {
  switch (expr.op) {
    case 'and':
      return { all: expr.args.map((a) => exportCondition(a, ctx)) };
    case 'or':
      return { any: expr.args.map((a) => exportCondition(a, ctx)) };
    case 'cmp': {
      let fact = factOf(expr.left, ctx);
      let value = scalarOf(expr.right);
      let operator = expr.operator;
      if (!fact || value === null) {
        fact = factOf(expr.right, ctx);
        value = scalarOf(expr.left);
        operator = operator === '==' || operator === '!=' ? operator : FLIPPED[operator];
      }
      if (!fact || value === null) return refuse(expr, ctx, 'only a record field compared with a literal can be exported');
      if (operator === '==') return leaf(fact, 'equal', value);
      if (operator === '!=') return notOneOf(expr, fact, [value], ctx);
      if (typeof value !== 'number' || !isNumeric(fact.type)) return refuse(expr, ctx, 'json-rules-engine orders numbers only: a number field against a number literal');
      return leaf(fact, NUMBER_OPERATORS[operator], value);
    }
    case 'between': {
      const fact = factOf(expr.value, ctx);
      const low = scalarOf(expr.low);
      const high = scalarOf(expr.high);
      if (!fact || !isNumeric(fact.type) || typeof low !== 'number' || typeof high !== 'number') return refuse(expr, ctx, 'only a record field between two number literals can be exported');
      return { all: [leaf(fact, 'greaterThanInclusive', low), leaf(fact, 'lessThanInclusive', high)] };
    }
    case 'in': {
      const fact = factOf(expr.value, ctx);
      const values = scalarsOf(expr.collection);
      if (!fact || !values) return refuse(expr, ctx, 'only a record field `in` a list of literals can be exported');
      return expr.negated ? notOneOf(expr, fact, values, ctx) : leaf(fact, 'in', values);
    }
    case 'contains': {
      const fact = factOf(expr.collection, ctx);
      const value = scalarOf(expr.value);
      if (!fact || value === null || fact.type?.type !== 'list') return refuse(expr, ctx, 'only a list field `contains` a literal can be exported');
      return leaf(fact, 'contains', value);
    }
    default:
      return refuse(expr, ctx, `json-rules-engine has no equivalent of \`${expr.op === 'not' ? 'not' : expr.op}\` here`);
  }
}

/**
 * `field != v` / `field not in [...]`, which `.dist` finds false when the field
 * is unset: exact for choice (the other options), bool (the other value) and
 * number (below or above every value) fields; text only when lenient.
 */
function notOneOf(expr: Expr, fact: { fact: string; path?: string; type: FieldType | undefined }, values: Scalar[], ctx: Context): JreCondition {
  const type = fact.type;
  if (type?.type === 'choice') return leaf(fact, 'in', type.options.filter((o) => !values.includes(o)));
  if (type?.type === 'bool') return leaf(fact, 'in', [true, false].filter((b) => !values.includes(b)));
  if (isNumeric(type) && values.every((v) => typeof v === 'number')) {
    const sorted = [...new Set(values as number[])].sort((a, b) => a - b);
    const parts: JreCondition[] = [leaf(fact, 'lessThan', sorted[0]!), leaf(fact, 'greaterThan', sorted.at(-1)!)];
    for (let i = 0; i + 1 < sorted.length; i++) parts.push({ all: [leaf(fact, 'greaterThan', sorted[i]!), leaf(fact, 'lessThan', sorted[i + 1]!)] });
    return { any: parts };
  }
  if (ctx.lenient) return values.length === 1 ? leaf(fact, 'notEqual', values[0]!) : leaf(fact, 'notIn', values);
  return refuse(expr, ctx, 'json-rules-engine finds an unset field different from every value, `.dist` does not (use --lenient to export it anyway)');
}
