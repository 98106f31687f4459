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

/** A value of the domain (a whole number where one fits, the closed end of an interval otherwise), or null. */
export function numberPick(d: NumberDomain): number | null {
  for (const i of d.intervals) {
    const v = pickIn(i, d.integer);
    if (v !== null) return v;
  }
  return null;
}

function pickIn(i: Interval, integer: boolean): number | null {
  const candidates: number[] = [];
  if (inside(i, 0)) candidates.push(0);
  if (Number.isFinite(i.low)) candidates.push(i.low, Math.floor(i.low) + 1);
  if (Number.isFinite(i.high)) candidates.push(i.high, Math.ceil(i.high) - 1);
  // Beyond 2^53 (or between neighbouring doubles) only the next double up or down is left.
  if (!integer && Number.isFinite(i.low)) candidates.push(i.low / 2 + i.high / 2, nextUp(i.low));
  if (!integer && Number.isFinite(i.high)) candidates.push(-nextUp(-i.high));
  return candidates.find((v) => Number.isFinite(v) && (!integer || Number.isInteger(v)) && inside(i, v)) ?? null;
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

/** The smallest double above `x` (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
