// The normal form the analysis works on: a lowered condition (IR) in negation
// normal form, whose leaves are literals over one field of the record (`lead.score
// > 90`, `lead.source in ["a", "b"]`, `lead.tags contains "x"`, `lead.zip is set`)
// or opaque atoms: parts the analysis does not decide (arithmetic, function calls,
// comparisons between two fields). Opaque atoms act as free boolean variables, so
// "can never hold" stays exact while "can hold" needs a branch without them.
import type { FieldType, Program } from '../ir';
import { RECORD_BUILTINS } from '../stages/types';

/** A literal value a test compares with. */
export type Scalar = string | number | boolean;

/** A bound of a numeric range. */
export interface Bound {
  value: number;
  inclusive: boolean;
}

/**
 * What a literal tests about a set field. A test never holds for an unset
 * field; `set` is `is set`.
 */
export type Test =
  | { kind: 'set' }
  | { kind: 'eq'; value: Scalar }
  | { kind: 'ne'; value: Scalar }
  | { kind: 'in'; values: Scalar[] }
  | { kind: 'notIn'; values: Scalar[] }
  | { kind: 'range'; low: Bound | null; high: Bound | null }
  | { kind: 'prefix'; text: string }
  | { kind: 'suffix'; text: string }
  /** A list field holds `value` (`contains`, `"v" in lead.tags`). */
  | { kind: 'has'; value: Scalar }
  /** A set list field does not hold `value` (`"v" not in lead.tags`). */
  | { kind: 'lacks'; value: Scalar };

/** A field of the record and its type; `builtin` marks `id` (always set, never empty) and `owner`. */
export interface FieldInfo {
  name: string;
  type: FieldType;
  builtin: 'id' | 'owner' | null;
}

/** Why an atom is opaque, for messages: the part at fault (its span) and what it is. */
export interface Culprit {
  span: { start: number; end: number } | undefined;
  /** The part as the formatter writes it (`lead.score * 2`). */
  text: string;
  /** A phrase completing "… because `X` ": "is arithmetic", "is a function call". */
  why: string;
}

export type Atom =
  | { kind: 'field'; field: FieldInfo; test: Test }
  /** `key` identifies the same opaque expression wherever it is written. */
  | { kind: 'opaque'; key: string; culprit: Culprit };

export type Formula =
  | { kind: 'const'; value: boolean }
  /** `positive: false` is the literal's negation (an unset field satisfies it). */
  | { kind: 'lit'; atom: Atom; positive: boolean }
  | { kind: 'and' | 'or'; args: Formula[] };

/** The fields a condition may read: the entity's schema fields and the built-ins. */
export type FieldTable = ReadonlyMap<string, FieldInfo>;

/** The field table of `entity` in `program`. */
export function fieldTable(program: Program, entity: string): FieldTable {
  const table = new Map<string, FieldInfo>();
  for (const [name, type] of RECORD_BUILTINS) table.set(name, { name, type, builtin: name === 'id' ? 'id' : 'owner' });
  const schema = Object.prototype.hasOwnProperty.call(program.schemas, entity) ? program.schemas[entity] : undefined;
  for (const [name, type] of Object.entries(schema?.fields ?? {})) table.set(name, { name, type, builtin: null });
  return table;
}

export const TRUE: Formula = { kind: 'const', value: true };
export const FALSE: Formula = { kind: 'const', value: false };

/** `and` of formulas, folding constants. */
export function and(args: Formula[]): Formula {
  const kept: Formula[] = [];
  for (const a of args) {
    if (a.kind === 'const') {
      if (!a.value) return FALSE;
    } else if (a.kind === 'and') kept.push(...a.args);
    else kept.push(a);
  }
  return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : { kind: 'and', args: kept };
}

/** `or` of formulas, folding constants. */
export function or(args: Formula[]): Formula {
  const kept: Formula[] = [];
  for (const a of args) {
    if (a.kind === 'const') {
      if (a.value) return TRUE;
    } else if (a.kind === 'or') kept.push(...a.args);
    else kept.push(a);
  }
  return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0]! : { kind: 'or', args: kept };
}

/** The negation of a formula, still in negation normal form. */
export function negate(f: Formula): Formula {
  switch (f.kind) {
    case 'const':
      return f.value ? FALSE : TRUE;
    case 'lit':
      return { ...f, positive: !f.positive };
    case 'and':
      return or(f.args.map(negate));
    case 'or':
      return and(f.args.map(negate));
  }
}

/** The same formula with every opaque literal replaced by `true` (a weaker condition). */
export function withoutOpaque(f: Formula): Formula {
  switch (f.kind) {
    case 'const':
      return f;
    case 'lit':
      return f.atom.kind === 'opaque' ? TRUE : f;
    case 'and':
      return and(f.args.map(withoutOpaque));
    case 'or':
      return or(f.args.map(withoutOpaque));
  }
}

/** Every opaque atom of a formula, once each, in order. */
export function opaqueAtoms(f: Formula, into = new Map<string, Culprit>()): Map<string, Culprit> {
  if (f.kind === 'lit' && f.atom.kind === 'opaque') {
    if (!into.has(f.atom.key)) into.set(f.atom.key, f.atom.culprit);
  } else if (f.kind === 'and' || f.kind === 'or') for (const a of f.args) opaqueAtoms(a, into);
  return into;
}

/** True when the formula has an opaque atom. */
export function hasOpaque(f: Formula): boolean {
  if (f.kind === 'lit') return f.atom.kind === 'opaque';
  if (f.kind === 'const') return false;
  return f.args.some(hasOpaque);
}
