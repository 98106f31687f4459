// score EXPR: the eligible user with the highest value (an unset score ranks
// last); ties by least_recent.
import type { DistributionMethod } from './types';
import { rankAndTake } from './ranking';

export const score: DistributionMethod = {
  stateKeys: () => [],
  run: (input) => rankAndTake(input, { keysOf: (u) => [input.valuesOf(u)?.[0]], directions: ['desc'], shown: (row) => row.keys[0] }),
};
