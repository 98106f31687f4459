// ordered by K [asc|desc], …: sort by the keys in turn (unset values last in
// either direction); ties by least_recent.
import type { DistributionMethod } from './types';
import { compareValues, rankAndTake } from './ranking';

export const ordered: DistributionMethod = {
  stateKeys: () => [],
  run(input) {
    const directions = input.rule.method.kind === 'ordered' ? input.rule.method.keys.map((k) => k.direction) : [];
    const values = (u: string) => input.values.get(u) ?? [];
    return rankAndTake(
      input,
      (a, b) => {
        for (const [i, direction] of directions.entries()) {
          const c = compareValues(values(a)[i], values(b)[i], direction);
          if (c !== 0) return c;
        }
        return 0;
      },
      values,
    );
  },
};
