import type { Workday } from '../../compiler/directory/model';
/**
 * `atMs` when working now; else the first instant in `(atMs, atMs + horizonMs]` at
 * which a working interval starts; else null. Visits at most ⌈horizon / 24 h⌉ + 2
 * local days.
 */
export declare function nextWorkStart(workday: Workday | null, zone: string, atMs: number, horizonMs: number): number | null;
