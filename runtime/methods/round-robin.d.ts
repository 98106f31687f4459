import type { Json } from '../state/store';
import type { DistributionMethod } from './types';
/**
 * One turn of a rotation: normalises `queue` against `eligible` (pool order),
 * then assigns the first user not in `skip` (already chosen in this decision)
 * and moves them to the end. `chosen` is null when every eligible user is skipped.
 */
export declare function rotate(queue: readonly string[], eligible: readonly string[], skip: ReadonlySet<string>): {
    chosen: string | null;
    queue: string[];
};
/** Reads a stored rotation queue (anything else counts as empty). */
export declare function storedQueue(value: Json | undefined): string[];
export declare const roundRobin: DistributionMethod;
