// The compiler's value types: the schema field types of ir.ts plus `any`, the
// type of a raw `payload.…` path in a map block, which fits everything. Holds
// the built-in fields of records and users, compatibility rules and display.
import type { FieldType } from '../ir';

/** A type as the type checker sees it. */
export type Type =
  | { type: 'text' | 'number' | 'bool' | 'time' | 'duration' | 'geo' | 'any' }
  | { type: 'choice'; options: string[] }
  | { type: 'list'; element: Type };

export const TEXT: Type = { type: 'text' };
export const NUMBER: Type = { type: 'number' };
export const BOOL: Type = { type: 'bool' };
export const DURATION: Type = { type: 'duration' };
export const ANY: Type = { type: 'any' };

/** The simple type names a schema may use (`choice(…)` and `list(…)` have their own syntax). */
export const SIMPLE_TYPES = ['text', 'number', 'bool', 'time', 'duration', 'geo'] as const;

/** Fields every record has, whatever its schema declares. */
export const RECORD_BUILTINS: ReadonlyMap<string, FieldType> = new Map<string, FieldType>([
  ['id', { type: 'text' }],
  ['owner', { type: 'text' }],
]);

/** Fields every directory user has, maintained by the runtime. */
export const USER_BUILTINS: ReadonlyMap<string, FieldType> = new Map<string, FieldType>([
  ['id', { type: 'text' }],
  ['name', { type: 'text' }],
  ['teams', { type: 'list', element: { type: 'text' } }],
  ['open_load', { type: 'number' }],
  ['last_assigned_at', { type: 'time' }],
]);

/** Names that could reach an object's prototype; never allowed as a field or entity. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when a value of type `a` may be compared with (or stand in for) one of type `b`. */
export function compatible(a: Type, b: Type): boolean {
  if (a.type === 'any' || b.type === 'any') return true;
  if (isTextual(a) && isTextual(b)) return true;
  if (a.type === 'list' && b.type === 'list') return compatible(a.element, b.element);
  return a.type === b.type;
}

/** `text` or `choice(…)`: both hold strings. */
export function isTextual(t: Type): boolean {
  return t.type === 'text' || t.type === 'choice' || t.type === 'any';
}

/** True for the types `<`, `between` and friends work on. */
export function isOrdered(t: Type): boolean {
  return t.type === 'number' || t.type === 'time' || t.type === 'duration' || t.type === 'any';
}

/** The type as written in source (`choice("A", "B")`, `list(text)`). */
export function showType(t: Type): string {
  switch (t.type) {
    case 'choice':
      return `choice(${t.options.map((o) => JSON.stringify(o)).join(', ')})`;
    case 'list':
      return `list(${showType(t.element)})`;
    default:
      return t.type;
  }
}
