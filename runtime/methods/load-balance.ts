// load_balance: the eligible user with the largest available capacity
// (capacity − open_load; a user without a capacity value has no limit and ranks
// first); with no capacity configured, the smallest open_load. Ties: least_recent.
import type { DistributionMethod } from './types';
import { compareValues, rankAndTake } from './ranking';

export const loadBalance: DistributionMethod = {
  stateKeys: () => [],
  run(input) {
    const capacity = input.capacity;
    if (capacity === null) {
      const load = (u: string) => input.views.get(u)?.openLoad ?? 0;
      return rankAndTake(input, (a, b) => load(a) - load(b), (u) => ({ open_load: load(u) }));
    }
    const available = (u: string) => capacity.get(u) ?? Number.POSITIVE_INFINITY;
    return rankAndTake(
      input,
      (a, b) => compareValues(available(a), available(b), 'desc'),
      (u) => ({ available: capacity.get(u) ?? 'no limit' }),
    );
  },
};
