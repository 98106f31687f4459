// What one field may still be under a conjunction of literals: unset (allowed or
// not), or set to a value of its type's domain. A positive literal needs the
// field set and its value inside the test; a negative one lets the field be
// unset, or set to a value outside the test — exactly how the runtime treats a
// test on an unset field (false) and its negation (true).
import type { FieldType } from '../ir';
import type { FieldInfo, Scalar, Test } from './formula';
import { numberAllows, numberDomain, numberNonEmpty, numberNot, numberOnly, numberOutside, numberPick, numberRange, type NumberDomain } from './number-domain';
import { textAffix, textAllows, textDomain, textNot, textOnly, textPick, textUnbounded, type TextDomain } from './text-domain';

/** A runtime value the analysis can produce (times in epoch ms, durations in ms). */
export type FieldValue = Scalar | { lat: number; lon: number } | Scalar[];

type Values =
  | { type: 'text'; d: TextDomain }
  | { type: 'number'; d: NumberDomain }
  | { type: 'bool'; allowed: readonly boolean[] }
  | { type: 'list'; element: FieldType; has: readonly Scalar[]; lacks: readonly Scalar[] }
  /** Geo points and nested lists: only set or unset matter. */
  | { type: 'opaque' };

/** Immutable: every operation returns a new domain. */
export interface FieldDomain {
  field: FieldInfo;
  unset: boolean;
  set: boolean;
  values: Values;
}

/** Latest representable time: 9999-12-31T23:59:59.999Z, so every witness prints as ISO 8601. */
const LAST_TIME_MS = 253_402_300_799_999;

const initial = new WeakMap<FieldInfo, FieldDomain>();

/** Everything the field's type allows (`id` is always set and never empty); domains are immutable, so one per field is shared. */
export function fieldDomain(field: FieldInfo): FieldDomain {
  let domain = initial.get(field);
  if (!domain) {
    let values = valuesOf(field.type);
    if (field.builtin === 'id' && values.type === 'text') values = { type: 'text', d: textNot(values.d, ['']) };
    domain = { field, unset: field.builtin !== 'id', set: true, values };
    initial.set(field, domain);
  }
  return domain;
}

function valuesOf(type: FieldType): Values {
  switch (type.type) {
    case 'text':
      return { type: 'text', d: textDomain(null) };
    case 'choice':
      return { type: 'text', d: textDomain(type.options) };
    case 'number':
      return { type: 'number', d: numberDomain() };
    case 'duration':
      return { type: 'number', d: numberDomain({ min: 0 }) };
    case 'time':
      return { type: 'number', d: numberDomain({ min: 0, max: LAST_TIME_MS, integer: true }) };
    case 'bool':
      return { type: 'bool', allowed: [true, false] };
    case 'list':
      return { type: 'list', element: type.element, has: [], lacks: [] };
    case 'geo':
      return { type: 'opaque' };
  }
}

/** The domain after a literal: `test` holds (positive) or does not (negative). */
export function applyTest(d: FieldDomain, test: Test, positive: boolean): FieldDomain {
  if (test.kind === 'set') return positive ? { ...d, unset: false } : { ...d, set: false };
  return { ...d, unset: positive ? false : d.unset, values: restrict(d.values, test, positive) };
}

type ValueTest = Exclude<Test, { kind: 'set' }>;

/** The values inside the test (`keep`) or outside it. */
function restrict(v: Values, t: ValueTest, keep: boolean): Values {
  const m = membership(t, keep);
  switch (v.type) {
    case 'text':
      if (m) return { type: 'text', d: m.among ? textOnly(v.d, strings(m.values)) : textNot(v.d, strings(m.values)) };
      return t.kind === 'prefix' || t.kind === 'suffix' ? { type: 'text', d: textAffix(v.d, t.kind, t.text, keep) } : v;
    case 'number':
      if (m) return { type: 'number', d: m.among ? numberOnly(v.d, numbers(m.values)) : numberNot(v.d, numbers(m.values)) };
      if (t.kind !== 'range') return v;
      return { type: 'number', d: keep ? numberRange(v.d, t.low, t.high) : numberOutside(v.d, t.low, t.high) };
    case 'bool':
      return m ? { type: 'bool', allowed: v.allowed.filter((b) => m.values.includes(b) === m.among) } : v;
    case 'list': {
      if (t.kind !== 'has' && t.kind !== 'lacks') return v;
      const has = (t.kind === 'has') === keep;
      return has ? { ...v, has: [...v.has, t.value] } : { ...v, lacks: [...v.lacks, t.value] };
    }
    case 'opaque':
      return v;
  }
}

/**
 * For `==`, `!=`, `in` and `not in`: the values named, and whether the field must
 * be among them (`among`) or apart from them, once `keep` (the test holds, or
 * its negation does) is applied. Null for other tests.
 */
function membership(t: ValueTest, keep: boolean): { values: readonly Scalar[]; among: boolean } | null {
  switch (t.kind) {
    case 'eq':
      return { values: [t.value], among: keep };
    case 'in':
      return { values: t.values, among: keep };
    case 'ne':
      return { values: [t.value], among: !keep };
    case 'notIn':
      return { values: t.values, among: !keep };
    default:
      return null;
  }
}

function strings(values: readonly Scalar[]): string[] {
  return values.filter((x): x is string => typeof x === 'string');
}

function numbers(values: readonly Scalar[]): number[] {
  return values.filter((x): x is number => typeof x === 'number');
}

/** A set value of the domain, or undefined when the field cannot be set. */
export function pickValue(d: FieldDomain): FieldValue | undefined {
  if (!d.set) return undefined;
  const v = d.values;
  switch (v.type) {
    case 'text':
      return textPick(v.d) ?? undefined;
    case 'number':
      return numberPick(v.d) ?? undefined;
    case 'bool':
      return v.allowed[0];
    case 'list':
      return pickList(v);
    case 'opaque':
      return { lat: 0, lon: 0 };
  }
}

/** True when some record satisfies the domain (unset, or set to a value). */
export function satisfiable(d: FieldDomain): boolean {
  if (d.unset) return true;
  if (!d.set) return false;
  // Any text but finitely many values is never empty: the common case, without building a value.
  if (d.values.type === 'text' && textUnbounded(d.values.d)) return true;
  if (d.values.type === 'number') return numberNonEmpty(d.values.d);
  return pickValue(d) !== undefined;
}

function pickList(v: Extract<Values, { type: 'list' }>): Scalar[] | undefined {
  const items = [...new Set(v.has)];
  if (items.some((x) => v.lacks.includes(x))) return undefined;
  const element = valuesOf(v.element);
  const fits = (x: Scalar): boolean => {
    if (element.type === 'text') return typeof x === 'string' && textAllows(element.d, x);
    if (element.type === 'number') return typeof x === 'number' && numberAllows(element.d, x);
    if (element.type === 'bool') return typeof x === 'boolean';
    return false;
  };
  return items.every(fits) ? items : undefined;
}
