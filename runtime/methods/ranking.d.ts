import type { MethodInput, MethodResult } from './types';
/** Compares two users; negative ranks `a` first. */
export type Comparison = (a: string, b: string) => number;
/** Orders two possibly unset values; unset always ranks last, whatever the direction. */
export declare function compareValues(a: unknown, b: unknown, direction: 'asc' | 'desc'): number;
/** Ranks the candidates by `primary`, then least_recent, then pool order, and takes `input.count`. */
export declare function rankAndTake(input: MethodInput, primary: Comparison | null, valueOf: (user: string) => unknown): MethodResult;
