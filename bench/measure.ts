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

/** A clock in milliseconds: wall time, or the CPU time of this process (every thread), which other processes on a shared machine disturb less. */
export type Clock = () => number;
export const wallClock: Clock = () => performance.now();
export const cpuClock: Clock = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * Units of work per second of `clock`: calls `fn` (one unit each) in three
 * windows of about `ms` / 3 milliseconds (at least `min` calls each) and keeps
 * the best window, so that other processes on a shared machine disturb the
 * figure less. The clock is read after 1, 2, 4 … 1,024 calls and then every
 * 1,024, so reading it costs fast work nothing.
 */
export function rate(fn: (i: number) => void, ms: number, min = 3, clock: Clock = wallClock): number {
  let best = 0;
  let n = 0;
  for (let window = 0; window < 3; window++) {
    const start = clock();
    let done = 0;
    while (done < min || !due(done) || clock() - start < ms / 3) {
      fn(n++);
      done++;
    }
    best = Math.max(best, done / ((clock() - start) / 1000));
  }
  return best;
}

/** The same for asynchronous work. */
export async function rateAsync(fn: (i: number) => Promise<void>, ms: number, min = 3, clock: Clock = wallClock): Promise<number> {
  let best = 0;
  let n = 0;
  for (let window = 0; window < 3; window++) {
    const start = clock();
    let done = 0;
    while (done < min || !due(done) || clock() - start < ms / 3) {
      await fn(n++);
      done++;
    }
    best = Math.max(best, done / ((clock() - start) / 1000));
  }
  return best;
}

/** Whether a window reads its clock after `done` calls. */
function due(done: number): boolean {
  return (done & (done - 1)) === 0 || (done & 1023) === 0;
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
