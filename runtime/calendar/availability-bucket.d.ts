/**
 * 0 when working now (`nextStartMs === atMs`), k when the next start is within
 * `((k−1)·24 h, k·24 h]` from now, null when there is none within the horizon.
 */
export declare function availabilityBucket(nextStartMs: number | null, atMs: number): number | null;
