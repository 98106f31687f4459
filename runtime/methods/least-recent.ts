// least_recent: the eligible user assigned longest ago (any rule; manual
// assignments reported to the API count), never-assigned users first in pool
// order, ties by pool order. Also serves later `workday within` buckets.
import type { DistributionMethod } from './types';
import { rankAndTake } from './ranking';

export const leastRecent: DistributionMethod = {
  stateKeys: () => [],
  run: (input) =>
    rankAndTake(input, null, (user) => {
      const at = input.views.get(user)?.lastAssignedAt;
      return at === undefined ? 'never' : new Date(at).toISOString();
    }),
};
