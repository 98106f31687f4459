// Ranking methods share one shape: order the eligible users by a primary
// comparison, break ties by least_recent (oldest `last_assigned_at` first,
// never-assigned first), then by pool order; take the first N. The trace shows
// the ranking (the first RANKING_LIMIT users) with the value that ranked them.
// Only the users that can be shown or taken are ordered: a bounded heap keeps
// the best max(N, RANKING_LIMIT) of the pool in one pass (O(n log k), not a
// sort of the whole pool), and only those are sorted.
import type { MethodInput, MethodResult } from './types';

/** How many ranked users a trace lists. */
export const RANKING_LIMIT = 50;

/** Compares two users; negative ranks `a` first. */
export type Comparison = (a: string, b: string) => number;

/** Orders two possibly unset values (false before true ascending); unset always ranks last, whatever the direction. */
export function compareValues(a: unknown, b: unknown, direction: 'asc' | 'desc'): number {
  const aSet = typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean';
  const bSet = typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean';
  if (!aSet || !bSet) return aSet === bSet ? 0 : aSet ? -1 : 1;
  if (typeof a !== typeof b) return 0;
  const sign = a < b ? -1 : a > b ? 1 : 0;
  return direction === 'asc' ? sign : -sign;
}

/**
 * The order of candidate positions: `primary`, then least_recent (never assigned
 * first, then oldest `last_assigned_at`, then earliest assignment), then pool
 * order. A total order, so the heap's pick equals the sorted prefix.
 */
function positionOrder(input: MethodInput, primary: Comparison | null): (i: number, j: number) => number {
  const { candidates, views } = input;
  const at = new Float64Array(candidates.length);
  const seq = new Float64Array(candidates.length);
  candidates.forEach((user, i) => {
    const view = views.get(user);
    at[i] = view?.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
    seq[i] = view?.lastAssignedSeq ?? 0;
  });
  return (i, j) => {
    const first = primary ? primary(candidates[i] as string, candidates[j] as string) : 0;
    if (first !== 0) return first;
    const ai = at[i] as number;
    const aj = at[j] as number;
    if (ai !== aj) return ai < aj ? -1 : 1;
    return (seq[i] as number) - (seq[j] as number) || i - j;
  };
}

/** The `k` first positions of `0…n-1` under `order`, in order: a max-heap of the best `k` seen, then sorted. */
export function firstPositions(n: number, k: number, order: (i: number, j: number) => number): number[] {
  if (k <= 0) return [];
  if (k >= n) return Array.from({ length: n }, (_, i) => i).sort(order);
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const worse = right < heap.length && order(heap[right] as number, heap[left] as number) > 0 ? right : left;
      if (order(heap[worse] as number, heap[at] as number) <= 0) return;
      [heap[at], heap[worse]] = [heap[worse] as number, heap[at] as number];
      at = worse;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (order(heap[at] as number, heap[parent] as number) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (order(i, heap[0] as number) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(order);
}

/** Ranks the candidates by `primary`, then least_recent, then pool order, and takes `input.count`. */
export function rankAndTake(input: MethodInput, primary: Comparison | null, valueOf: (user: string) => unknown): MethodResult {
  const order = positionOrder(input, primary);
  const kept = firstPositions(input.candidates.length, Math.max(input.count, RANKING_LIMIT), order);
  const ranked = kept.map((i) => input.candidates[i] as string);
  return {
    chosen: ranked.slice(0, input.count),
    state: new Map(),
    ranking: ranked.slice(0, RANKING_LIMIT).map((user) => ({ user, value: valueOf(user) ?? null })),
  };
}
