// Ranking methods share one shape: order the eligible users by their keys (each
// compared in its direction), break ties by least_recent (oldest
// `last_assigned_at` first, never-assigned first), then by pool order; take the
// first N. The trace shows the ranking (the first RANKING_LIMIT users) with the
// value that ranked them.
// - Afresh: only the users that can be shown or taken are ordered: a bounded
//   heap keeps the best max(N, RANKING_LIMIT) of the pool in one pass (O(n log
//   k), not a sort of the whole pool), and only those are sorted.
// - Kept (the input has `changes`: the candidates and their values are kept
//   between decisions): the whole order is kept per rule and candidate list, and
//   each decision moves only the users whose state changed since: they leave the
//   order, are sorted among themselves, and go back in by one merge, each found
//   by a binary search (O(m log n) comparisons and one pass over the order).
import type { StateChanges } from '../state-changes';
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

/** What a candidate ranks by: its keys, then least_recent. */
export interface Row {
  keys: readonly unknown[];
  /** `last_assigned_at` (never assigned: -Infinity) and the assignment order. */
  at: number;
  seq: number;
}

/** How a method ranks: each candidate's keys, their directions, and what the trace shows for a candidate. */
export interface RankingSpec {
  keysOf(user: string): readonly unknown[];
  directions: readonly ('asc' | 'desc')[];
  shown(row: Row): unknown;
}

function rowOf(input: MethodInput, spec: RankingSpec, user: string): Row {
  const view = input.views.get(user);
  return { keys: spec.keysOf(user), at: view?.lastAssignedAt ?? Number.NEGATIVE_INFINITY, seq: view?.lastAssignedSeq ?? 0 };
}

/** The total order of candidate positions over `rows`: the keys, then least_recent, then pool order. */
function positionOrder(rows: readonly Row[], directions: readonly ('asc' | 'desc')[]): (i: number, j: number) => number {
  return (i, j) => {
    const a = rows[i] as Row;
    const b = rows[j] as Row;
    for (let k = 0; k < directions.length; k++) {
      const c = compareValues(a.keys[k], b.keys[k], directions[k] as 'asc' | 'desc');
      if (c !== 0) return c;
    }
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    return a.seq - b.seq || i - j;
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

/** A rule's whole order of a kept candidate list, with the rows it was made from. */
interface KeptOrder {
  changes: StateChanges;
  /** The position in `changes` taken in. */
  seen: number;
  rows: Row[];
  order: number[];
  position: ReadonlyMap<string, number>;
}

/** Kept orders per candidate list (kept by eligibility-memo.ts while nobody's eligibility changes), by rule id. */
const keptOrders = new WeakMap<readonly string[], Map<string, KeptOrder>>();

/** The first position in `order` from `lo` on that is not ranked before `i` under `compare`. */
function lowerBound(order: readonly number[], i: number, compare: (i: number, j: number) => number, lo: number): number {
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(order[mid] as number, i) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rule's kept order of the candidates, brought up to date with the users changed since it was last used. */
function keptOrder(input: MethodInput, spec: RankingSpec, changes: StateChanges): KeptOrder {
  let byRule = keptOrders.get(input.candidates);
  if (!byRule) keptOrders.set(input.candidates, (byRule = new Map()));
  let kept = byRule.get(input.rule.id);
  const changed = kept?.changes === changes ? changes.since(kept.seen) : null;
  if (!kept || !changed) {
    const rows = input.candidates.map((user) => rowOf(input, spec, user));
    const order = Array.from({ length: rows.length }, (_, i) => i).sort(positionOrder(rows, spec.directions));
    kept = { changes, seen: changes.end, rows, order, position: new Map(input.candidates.map((user, i) => [user, i])) };
    byRule.set(input.rule.id, kept);
    return kept;
  }
  kept.seen = changes.end;
  const moved = new Set<number>();
  for (const user of changed) {
    const i = kept.position.get(user);
    if (i !== undefined) moved.add(i);
  }
  if (moved.size === 0) return kept;
  for (const i of moved) kept.rows[i] = rowOf(input, spec, input.candidates[i] as string);
  const compare = positionOrder(kept.rows, spec.directions);
  // The others keep their rows, so they stay in order; the moved ones go back in by one merge.
  const isMoved = new Uint8Array(kept.rows.length);
  for (const i of moved) isMoved[i] = 1;
  const rest: number[] = [];
  for (const i of kept.order) if (isMoved[i] === 0) rest.push(i);
  const order: number[] = new Array(kept.order.length);
  let from = 0;
  let to = 0;
  for (const i of [...moved].sort(compare)) {
    const at = lowerBound(rest, i, compare, from);
    while (from < at) order[to++] = rest[from++] as number;
    order[to++] = i;
  }
  while (from < rest.length) order[to++] = rest[from++] as number;
  kept.order = order;
  return kept;
}

/** Ranks the candidates under `spec`, then least_recent, then pool order, and takes `input.count`. */
export function rankAndTake(input: MethodInput, spec: RankingSpec): MethodResult {
  const limit = Math.max(input.count, RANKING_LIMIT);
  let rows: readonly Row[];
  let first: number[];
  if (input.changes) {
    const kept = keptOrder(input, spec, input.changes);
    rows = kept.rows;
    first = kept.order.slice(0, limit);
  } else {
    rows = input.candidates.map((user) => rowOf(input, spec, user));
    first = firstPositions(rows.length, limit, positionOrder(rows, spec.directions));
  }
  const ranked = first.map((i) => input.candidates[i] as string);
  return {
    chosen: ranked.slice(0, input.count),
    state: new Map(),
    ranking: first.slice(0, RANKING_LIMIT).map((i) => ({ user: input.candidates[i] as string, value: spec.shown(rows[i] as Row) ?? null })),
  };
}
