// Turns a lowered condition (IR) into the analysis's normal form (formula.ts):
// negations pushed down to the literals, each comparison of one field with
// literals turned into a test, and everything else kept as an opaque atom with
// the reason the analysis cannot decide it. The meaning is the runtime's
// (runtime/evaluator): a condition holds only when it is exactly `true`, and a
// test on an unset field is false.
import { stripSpans, type Expr, type FieldType } from '../ir';
import { printIrExpr } from '../ir-print';
import { exprChildren } from '../ir-walk';
import { and, FALSE, negate, or, TRUE, type Atom, type Bound, type Culprit, type FieldInfo, type FieldTable, type Formula, type Scalar, type Test } from './formula';

/** The normal form of condition `expr` over the fields of `entity`. */
export function normalise(expr: Expr, entity: string, fields: FieldTable): Formula {
  return toFormula(expr, { entity, fields });
}

interface Scope {
  entity: string;
  fields: FieldTable;
}

function toFormula(e: Expr, scope: Scope): Formula {
  switch (e.op) {
    case 'and':
      return and(e.args.map((a) => toFormula(a, scope)));
    case 'or':
      return or(e.args.map((a) => toFormula(a, scope)));
    case 'not':
      return negate(toFormula(e.arg, scope));
    case 'lit':
      return e.value === true ? TRUE : FALSE;
    case 'is_set': {
      const field = fieldOf(e.value, scope);
      if (!field) return literal(opaque(e, culpritOf(e, scope)));
      return { kind: 'lit', atom: { kind: 'field', field, test: { kind: 'set' } }, positive: !e.negated };
    }
    default: {
      const atom = atomOf(e, scope);
      return atom === null ? FALSE : literal(atom);
    }
  }
}

function literal(atom: Atom): Formula {
  return { kind: 'lit', atom, positive: true };
}

/** The atom of a non-logical condition; null when it is never `true` (a non-boolean field used as a condition). */
function atomOf(e: Expr, scope: Scope): Atom | null {
  switch (e.op) {
    case 'field': {
      const field = fieldOf(e, scope);
      if (!field) return opaque(e, culpritOf(e, scope));
      return field.type.type === 'bool' ? { kind: 'field', field, test: { kind: 'eq', value: true } } : null;
    }
    case 'cmp':
      return compare(e, scope);
    case 'in':
      return membership(e, scope);
    case 'contains':
      return listHas(e, e.collection, e.value, false, scope);
    case 'starts_with':
    case 'ends_with': {
      const field = fieldOf(e.text, scope);
      const affix = literalOf(e.affix);
      if (!field || !isTextual(field.type) || typeof affix !== 'string') return opaque(e, culpritOf(e, scope));
      return { kind: 'field', field, test: e.op === 'starts_with' ? { kind: 'prefix', text: affix } : { kind: 'suffix', text: affix } };
    }
    case 'between': {
      const field = fieldOf(e.value, scope);
      const low = literalOf(e.low);
      const high = literalOf(e.high);
      if (!field || !isOrdered(field.type) || typeof low !== 'number' || typeof high !== 'number') return opaque(e, culpritOf(e, scope));
      return { kind: 'field', field, test: { kind: 'range', low: { value: low, inclusive: true }, high: { value: high, inclusive: true } } };
    }
    default:
      return opaque(e, culpritOf(e, scope));
  }
}

const FLIPPED = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const;

function compare(e: Extract<Expr, { op: 'cmp' }>, scope: Scope): Atom {
  let field = fieldOf(e.left, scope);
  let value = literalOf(e.right);
  let operator: keyof typeof FLIPPED = e.operator;
  if (!field || value === undefined) {
    field = fieldOf(e.right, scope);
    value = literalOf(e.left);
    operator = FLIPPED[e.operator];
  }
  if (!field || value === undefined || !fits(field.type, value)) return opaque(e, culpritOf(e, scope));
  if (operator === '==') return { kind: 'field', field, test: { kind: 'eq', value } };
  if (operator === '!=') return { kind: 'field', field, test: { kind: 'ne', value } };
  if (!isOrdered(field.type) || typeof value !== 'number') return opaque(e, culpritOf(e, scope));
  const bound: Bound = { value, inclusive: operator === '<=' || operator === '>=' };
  const test: Test = operator === '<' || operator === '<=' ? { kind: 'range', low: null, high: bound } : { kind: 'range', low: bound, high: null };
  return { kind: 'field', field, test };
}

function membership(e: Extract<Expr, { op: 'in' }>, scope: Scope): Atom {
  const field = fieldOf(e.value, scope);
  const items = listOf(e.collection);
  if (field && items && field.type.type !== 'list') {
    const type = field.type;
    const values = items.filter((v) => fits(type, v));
    return { kind: 'field', field, test: e.negated ? { kind: 'notIn', values } : { kind: 'in', values } };
  }
  return listHas(e, e.collection, e.value, e.negated, scope);
}

/** `L contains v`, `v in L`, `v not in L` for a list field L and a literal v. */
function listHas(e: Expr, collection: Expr, item: Expr, negated: boolean, scope: Scope): Atom {
  const field = fieldOf(collection, scope);
  const value = literalOf(item);
  if (!field || field.type.type !== 'list' || value === undefined || !fits(field.type.element, value)) return opaque(e, culpritOf(e, scope));
  return { kind: 'field', field, test: negated ? { kind: 'lacks', value } : { kind: 'has', value } };
}

/** The record field `e` reads (one segment of the rule's entity), or null. */
function fieldOf(e: Expr, scope: Scope): FieldInfo | null {
  if (e.op !== 'field' || e.entity !== scope.entity || e.path.length !== 1) return null;
  return scope.fields.get(e.path[0]!) ?? null;
}

/** A literal scalar: a string, number or boolean, a duration (ms), or a negated number. */
export function literalOf(e: Expr): Scalar | undefined {
  if (e.op === 'lit') return Array.isArray(e.value) ? undefined : e.value;
  if (e.op === 'duration') return e.ms;
  if (e.op === 'neg') {
    const inner = literalOf(e.arg);
    return typeof inner === 'number' ? -inner : undefined;
  }
  return undefined;
}

function listOf(e: Expr): Scalar[] | null {
  const items: Expr[] | null = e.op === 'list' ? e.items : null;
  if (e.op === 'lit' && Array.isArray(e.value)) {
    return e.value.every((v) => !Array.isArray(v)) ? (e.value as Scalar[]) : null;
  }
  if (!items) return null;
  const values = items.map(literalOf);
  return values.every((v) => v !== undefined) ? (values as Scalar[]) : null;
}

/** True when a value of `type` can equal literal `v` (other pairs are never equal at run time). */
function fits(type: FieldType, v: Scalar): boolean {
  switch (type.type) {
    case 'text':
    case 'choice':
      return typeof v === 'string';
    case 'number':
    case 'time':
    case 'duration':
      return typeof v === 'number';
    case 'bool':
      return typeof v === 'boolean';
    default:
      return false;
  }
}

function isTextual(t: FieldType): boolean {
  return t.type === 'text' || t.type === 'choice';
}

function isOrdered(t: FieldType): boolean {
  return t.type === 'number' || t.type === 'time' || t.type === 'duration';
}

function opaque(e: Expr, culprit: Culprit): Atom {
  return { kind: 'opaque', key: JSON.stringify(stripSpans(e)), culprit };
}

/** The first part of `e` the analysis cannot decide, and why. */
function culpritOf(e: Expr, scope: Scope): Culprit {
  return findCulprit(e, scope) ?? culprit(e, 'is outside what the analysis decides');
}

function culprit(e: Expr, why: string): Culprit {
  return { span: e.span, text: printIrExpr(e), why };
}

function findCulprit(e: Expr, scope: Scope): Culprit | null {
  switch (e.op) {
    case 'arith':
      return culprit(e, 'is arithmetic');
    case 'neg':
      return literalOf(e) === undefined ? culprit(e, 'is arithmetic') : null;
    case 'call':
      return culprit(e, 'is a function call');
    case 'coalesce':
      return culprit(e, 'is a `??` chain');
    case 'field':
      if (e.path.length > 1) return culprit(e, 'reads inside a value');
      return fieldOf(e, scope) ? null : culprit(e, 'is not a field of the record');
    case 'cmp':
    case 'in':
    case 'contains':
    case 'starts_with':
    case 'ends_with':
    case 'between': {
      const parts = exprChildren(e);
      for (const p of parts) {
        const inner = findCulprit(p, scope);
        if (inner) return inner;
      }
      const fields = parts.filter((p) => p.op === 'field').length;
      if (fields >= 2) return culprit(e, 'compares two fields');
      return null;
    }
    default:
      return null;
  }
}
