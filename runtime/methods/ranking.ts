// Ranking methods share one shape: sort the eligible users by a primary
// comparison, break ties by least_recent (oldest `last_assigned_at` first,
// never-assigned first), then by pool order; take the first N. The trace shows
// the ranking (the first RANKING_LIMIT users) with the value that ranked them.
import type { UserView } from '../evaluator/context';
import type { MethodInput, MethodResult } from './types';

/** How many ranked users a trace lists. */
const RANKING_LIMIT = 50;

/** Compares two users; negative ranks `a` first. */
export type Comparison = (a: string, b: string) => number;

/** least_recent order: never assigned first, then oldest `last_assigned_at`, then earliest assignment. */
function byLeastRecent(views: ReadonlyMap<string, UserView>): Comparison {
  return (a, b) => {
    const va = views.get(a);
    const vb = views.get(b);
    const la = va?.lastAssignedAt;
    const lb = vb?.lastAssignedAt;
    if (la === lb) return (va?.lastAssignedSeq ?? 0) - (vb?.lastAssignedSeq ?? 0);
    if (la === undefined) return -1;
    if (lb === undefined) return 1;
    return la - lb;
  };
}

/** Orders two possibly unset values (false before true ascending); unset always ranks last, whatever the direction. */
export function compareValues(a: unknown, b: unknown, direction: 'asc' | 'desc'): number {
  const aSet = typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean';
  const bSet = typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean';
  if (!aSet || !bSet) return aSet === bSet ? 0 : aSet ? -1 : 1;
  if (typeof a !== typeof b) return 0;
  const sign = a < b ? -1 : a > b ? 1 : 0;
  return direction === 'asc' ? sign : -sign;
}

/** Ranks the candidates by `primary`, then least_recent, then pool order, and takes `input.count`. */
export function rankAndTake(input: MethodInput, primary: Comparison | null, valueOf: (user: string) => unknown): MethodResult {
  const poolIndex = new Map(input.candidates.map((u, i) => [u, i]));
  const leastRecent = byLeastRecent(input.views);
  const ranked = [...input.candidates].sort(
    (a, b) => (primary ? primary(a, b) : 0) || leastRecent(a, b) || (poolIndex.get(a) as number) - (poolIndex.get(b) as number),
  );
  return {
    chosen: ranked.slice(0, input.count),
    state: new Map(),
    ranking: ranked.slice(0, RANKING_LIMIT).map((user) => ({ user, value: valueOf(user) ?? null })),
  };
}
