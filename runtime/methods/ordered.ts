// ordered by K [asc|desc], …: sort by the keys in turn (unset values last in
// either direction); ties by least_recent.
import type { DistributionMethod } from './types';
import { rankAndTake } from './ranking';

export const ordered: DistributionMethod = {
  stateKeys: () => [],
  run(input) {
    const directions = input.rule.method.kind === 'ordered' ? input.rule.method.keys.map((k) => k.direction) : [];
    return rankAndTake(input, { keysOf: (u) => input.valuesOf(u) ?? [], directions, shown: (row) => row.keys });
  },
};
