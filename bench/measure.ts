// Small timing helpers shared by the benchmarks: wall-clock timing, medians, a
// rate measured over a time budget, a uniform printed report, and the figures
// collected for bench/results.json.
import { performance } from 'node:perf_hooks';

/** One figure of bench/results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** Every figure recorded in this run, in order. */
export const figures: Figure[] = [];

/** Records a figure for bench/results.json and returns its value. */
export function figure(name: string, value: number, unit: string): number {
  figures.push({ name, value, unit });
  return value;
}

/**
 * Units of work per second: calls `fn` (one unit each) in three windows of about
 * `ms` / 3 milliseconds (at least `min` calls each) and keeps the best window, so
 * that other processes on a shared machine disturb the figure less.
 */
export function rate(fn: (i: number) => void, ms: number, min = 3): number {
  let best = 0;
  let n = 0;
  for (let window = 0; window < 3; window++) {
    const start = performance.now();
    let done = 0;
    for (; done < min || performance.now() - start < ms / 3; done++) fn(n++);
    best = Math.max(best, done / ((performance.now() - start) / 1000));
  }
  return best;
}

/** The same for asynchronous work. */
export async function rateAsync(fn: (i: number) => Promise<void>, ms: number, min = 3): Promise<number> {
  let best = 0;
  let n = 0;
  for (let window = 0; window < 3; window++) {
    const start = performance.now();
    let done = 0;
    for (; done < min || performance.now() - start < ms / 3; done++) await fn(n++);
    best = Math.max(best, done / ((performance.now() - start) / 1000));
  }
  return best;
}

/** A whole number with thousands separators. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en');
}

/** Milliseconds one call of `fn` takes. */
export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints a titled table of figures. */
export function report(title: string, rows: readonly (readonly [string, string])[]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`);
}
