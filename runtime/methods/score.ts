// score EXPR: the eligible user with the highest value (an unset score ranks
// last); ties by least_recent.
import type { DistributionMethod } from './types';
import { compareValues, rankAndTake } from './ranking';

export const score: DistributionMethod = {
  stateKeys: () => [],
  run(input) {
    const value = (u: string) => input.values.get(u)?.[0];
    return rankAndTake(input, (a, b) => compareValues(value(a), value(b), 'desc'), value);
  },
};
