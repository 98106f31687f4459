// least_recent: the eligible user assigned longest ago (any rule; manual
// assignments reported to the API count), never-assigned users first in pool
// order, ties by pool order. Also serves later `workday within` buckets.
import type { DistributionMethod } from './types';
import { rankAndTake } from './ranking';

export const leastRecent: DistributionMethod = {
  stateKeys: () => [],
  run: (input) => rankAndTake(input, { keysOf: () => [], directions: [], shown: (row) => (row.at === Number.NEGATIVE_INFINITY ? 'never' : new Date(row.at).toISOString()) }),
};
