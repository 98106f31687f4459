// load_balance: the eligible user with the largest available capacity
// (capacity − open_load; a user without a capacity value has no limit and ranks
// first); with no capacity configured, the smallest open_load. Ties: least_recent.
import type { DistributionMethod } from './types';
import { rankAndTake } from './ranking';

export const loadBalance: DistributionMethod = {
  stateKeys: () => [],
  run(input) {
    const capacity = input.capacity;
    if (capacity === null) {
      return rankAndTake(input, { keysOf: (u) => [input.views.get(u)?.openLoad ?? 0], directions: ['asc'], shown: (row) => ({ open_load: row.keys[0] }) });
    }
    return rankAndTake(input, {
      keysOf: (u) => [capacity.get(u) ?? Number.POSITIVE_INFINITY],
      directions: ['desc'],
      shown: (row) => ({ available: row.keys[0] === Number.POSITIVE_INFINITY ? 'no limit' : row.keys[0] }),
    });
  },
};
