// Number bounds that tell rules apart cheaply: for each number, time or duration
// field, the closed range its values stay in for every record a formula
// matches (`lead.score between 10 and 19`, `lead.score >= 80`). Two rules whose
// ranges on one field do not meet are disjoint without a solver call — rules
// that split records by score bands are compared only with their neighbours.
import type { Formula, Test } from './formula';

/** A closed range; open ends are widened to closed ones, which only makes it larger. */
export interface Range {
  low: number;
  high: number;
}

/** For each field a formula bounds: the range of its values in every matching record. */
export type Bounds = ReadonlyMap<string, Range>;

const NONE: Bounds = new Map();

/** The fields `f` bounds. */
export function boundsOf(f: Formula): Bounds {
  if (f.kind === 'const') return NONE;
  const out = new Map<string, Range>();
  addBounds(f, out);
  return out;
}

/** Adds what `f` bounds to the bounds of an `and` it is part of (each field's ranges intersected). */
function addBounds(f: Formula, out: Map<string, Range>): void {
  if (f.kind === 'and') {
    for (const arg of f.args) addBounds(arg, out);
    return;
  }
  const found = f.kind === 'lit' ? literalBounds(f) : f.kind === 'or' ? orBounds(f.args) : NONE;
  for (const [field, r] of found) {
    const known = out.get(field);
    out.set(field, known ? { low: Math.max(known.low, r.low), high: Math.min(known.high, r.high) } : r);
  }
}

function literalBounds(f: Extract<Formula, { kind: 'lit' }>): Bounds {
  if (!f.positive || f.atom.kind !== 'field') return NONE;
  const range = rangeOf(f.atom.test);
  return range ? new Map([[f.atom.field.name, range]]) : NONE;
}

/** The fields every alternative bounds, with the smallest range holding all of theirs. */
function orBounds(args: readonly Formula[]): Bounds {
  const [first, ...rest] = args.map(boundsOf);
  const out = new Map<string, Range>();
  for (const [field, r] of first!) {
    if (!rest.every((b) => b.has(field))) continue;
    const all = [r, ...rest.map((b) => b.get(field)!)];
    out.set(field, { low: Math.min(...all.map((x) => x.low)), high: Math.max(...all.map((x) => x.high)) });
  }
  return out;
}

function rangeOf(test: Test): Range | null {
  switch (test.kind) {
    case 'eq':
      return typeof test.value === 'number' ? { low: test.value, high: test.value } : null;
    case 'in': {
      const numbers = test.values.filter((v): v is number => typeof v === 'number');
      return numbers.length === test.values.length && numbers.length > 0 ? { low: Math.min(...numbers), high: Math.max(...numbers) } : null;
    }
    case 'range':
      return { low: test.low?.value ?? -Infinity, high: test.high?.value ?? Infinity };
    default:
      return null;
  }
}

/** True when the bounds prove that no record matches both. */
export function boundsDisjoint(a: Bounds, b: Bounds): boolean {
  for (const [field, r] of a) {
    const other = b.get(field);
    if (other && (r.high < other.low || other.high < r.low)) return true;
  }
  return false;
}
