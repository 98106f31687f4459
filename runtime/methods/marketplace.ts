// The marketplace methods, each ranking by one value per user that distribute
// gives in `valuesOf` (see runtime/turnover.ts): max_turnover by what the user earns
// under the rule's `turnover` (highest first, so `take N` earns the most any N
// users can), max_lead_count by the shares left under `quota total` (most first,
// no cap before any cap, so the record leaves the most users able to take later
// ones). Ties by least_recent, then pool order.
import type { DistributionMethod } from './types';
import { rankAndTake } from './ranking';

/** A ranking method over the first value of each user, highest first; `shown` is the value in the trace. */
function highestFirst(shown: (value: unknown) => unknown): DistributionMethod {
  return {
    stateKeys: () => [],
    run: (input) => rankAndTake(input, { keysOf: (u) => [input.valuesOf(u)?.[0]], directions: ['desc'], shown: (row) => shown(row.keys[0]) }),
  };
}

export const maxTurnover: DistributionMethod = highestFirst((v) => v);
/** Users without a cap rank with an infinite number of shares left, shown as `no cap`. */
export const maxLeadCount: DistributionMethod = highestFirst((v) => (v === Number.POSITIVE_INFINITY ? 'no cap' : v));
