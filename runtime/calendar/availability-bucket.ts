// `require workday within H` (RUNTIME.md): when nobody works now, users are sorted
// into 24-hour buckets by when they next start work; the first non-empty one wins.

const DAY_MS = 86_400_000;

/**
 * 0 when working now (`nextStartMs === atMs`), k when the next start is within
 * `((k−1)·24 h, k·24 h]` from now, null when there is none within the horizon.
 */
export function availabilityBucket(nextStartMs: number | null, atMs: number): number | null {
  if (nextStartMs === null) return null;
  return nextStartMs <= atMs ? 0 : Math.ceil((nextStartMs - atMs) / DAY_MS);
}
