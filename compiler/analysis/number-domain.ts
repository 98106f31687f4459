// The values a number, time or duration field may still take: a sorted list of
// disjoint intervals of doubles (open or closed ends), optionally whole numbers
// only (times are whole milliseconds). Excluding a value splits its interval.
// `pick` finds a double inside an interval or proves there is none: an open
// interval between two neighbouring doubles is empty, exactly as at run time.
import type { Bound } from './formula';

export interface Interval {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

/** Immutable: every operation returns a new domain. */
export interface NumberDomain {
  intervals: readonly Interval[];
  integer: boolean;
}

const ALL: Interval = { low: -Infinity, lowOpen: true, high: Infinity, highOpen: true };

/** Every finite number, or `[min, max]` (durations start at 0, times are whole ms within a Date's range). */
export function numberDomain(options: { min?: number; max?: number; integer?: boolean } = {}): NumberDomain {
  const low = options.min ?? -Infinity;
  const high = options.max ?? Infinity;
  return { intervals: [{ low, lowOpen: low === -Infinity, high, highOpen: high === Infinity }], integer: options.integer ?? false };
}

/** Keeps the values within the bounds. */
export function numberRange(d: NumberDomain, low: Bound | null, high: Bound | null): NumberDomain {
  return intersect(d, [{ low: low?.value ?? -Infinity, lowOpen: low ? !low.inclusive : true, high: high?.value ?? Infinity, highOpen: high ? !high.inclusive : true }]);
}

/** Keeps the values outside the bounds. */
export function numberOutside(d: NumberDomain, low: Bound | null, high: Bound | null): NumberDomain {
  const parts: Interval[] = [];
  if (low) parts.push({ ...ALL, high: low.value, highOpen: low.inclusive });
  if (high) parts.push({ ...ALL, low: high.value, lowOpen: high.inclusive });
  return intersect(d, parts);
}

/** Keeps only `values`. */
export function numberOnly(d: NumberDomain, values: readonly number[]): NumberDomain {
  const points = [...new Set(values)].sort((a, b) => a - b).map((v) => ({ low: v, lowOpen: false, high: v, highOpen: false }));
  return intersect(d, points);
}

/** Removes `values`. */
export function numberNot(d: NumberDomain, values: readonly number[]): NumberDomain {
  let intervals = d.intervals;
  for (const v of values) intervals = intervals.flatMap((i) => without(i, v));
  return { ...d, intervals };
}

/** True when `v` lies in the domain. */
export function numberAllows(d: NumberDomain, v: number): boolean {
  if (!Number.isFinite(v) || (d.integer && !Number.isInteger(v))) return false;
  return d.intervals.some((i) => inside(i, v));
}

/** True when the domain has a value; answered without picking one in the common cases. */
export function numberNonEmpty(d: NumberDomain): boolean {
  if (!d.integer) {
    for (const i of d.intervals) {
      if ((!i.lowOpen && Number.isFinite(i.low)) || (!i.highOpen && Number.isFinite(i.high))) return true;
      if (i.low === -Infinity && i.high > -Number.MAX_VALUE) return true;
      if (i.high === Infinity && i.low < Number.MAX_VALUE) return true;
    }
  }
  return numberPick(d) !== null;
}

/** A value of the domain (a whole number where one fits, the closed end of an interval otherwise), or null. */
export function numberPick(d: NumberDomain): number | null {
  for (const i of d.intervals) {
    const v = pickIn(i, d.integer);
    if (v !== null) return v;
  }
  return null;
}

function pickIn(i: Interval, integer: boolean): number | null {
  for (const v of candidatesIn(i, integer)) {
    if (Number.isFinite(v) && (!integer || Number.isInteger(v)) && inside(i, v)) return v;
  }
  return null;
}

/** Values to try, the most readable first; the last ones reach between neighbouring doubles and beyond 2^53. */
function candidatesIn(i: Interval, integer: boolean): number[] {
  const out = [0];
  const lowFinite = Number.isFinite(i.low);
  const highFinite = Number.isFinite(i.high);
  if (lowFinite) out.push(i.low, Math.floor(i.low) + 1);
  if (highFinite) out.push(i.high, Math.ceil(i.high) - 1);
  if (!integer && lowFinite) out.push(i.low / 2 + i.high / 2, nextUp(i.low));
  if (!integer && highFinite) out.push(-nextUp(-i.high));
  return out;
}

function inside(i: Interval, v: number): boolean {
  const aboveLow = i.lowOpen ? v > i.low : v >= i.low;
  const belowHigh = i.highOpen ? v < i.high : v <= i.high;
  return aboveLow && belowHigh;
}

function intersect(d: NumberDomain, parts: readonly Interval[]): NumberDomain {
  const out: Interval[] = [];
  for (const a of d.intervals) {
    for (const b of parts) {
      const low = Math.max(a.low, b.low);
      const high = Math.min(a.high, b.high);
      const lowOpen = (a.low === low && a.lowOpen) || (b.low === low && b.lowOpen);
      const highOpen = (a.high === high && a.highOpen) || (b.high === high && b.highOpen);
      if (low < high || (low === high && !lowOpen && !highOpen)) out.push({ low, lowOpen, high, highOpen });
    }
  }
  out.sort((x, y) => x.low - y.low);
  return { ...d, intervals: out };
}

function without(i: Interval, v: number): Interval[] {
  if (!inside(i, v)) return [i];
  const parts: Interval[] = [];
  if (i.low < v) parts.push({ ...i, high: v, highOpen: true });
  if (v < i.high) parts.push({ ...i, low: v, lowOpen: true });
  return parts;
}

const FLOAT = new Float64Array(1);
const BITS = new BigInt64Array(FLOAT.buffer);

/** The smallest double above `x` (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  FLOAT[0] = x;
  BITS[0] = x > 0 ? BITS[0]! + 1n : BITS[0]! - 1n;
  return FLOAT[0];
}
