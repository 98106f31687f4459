// The distribution methods by IR method kind.
import type { Method } from '../../compiler/ir';
import { leastRecent } from './least-recent';
import { loadBalance } from './load-balance';
import { maxLeadCount, maxTurnover } from './marketplace';
import { ordered } from './ordered';
import { random } from './random';
import { roundRobin } from './round-robin';
import { score } from './score';
import type { DistributionMethod } from './types';
import { weighted } from './weighted';

/** The implementation of each method kind (`weighted_by` shares `weighted`). */
export const METHODS: Readonly<Record<Method['kind'], DistributionMethod>> = {
  round_robin: roundRobin,
  least_recent: leastRecent,
  weighted,
  weighted_by: weighted,
  load_balance: loadBalance,
  score,
  ordered,
  random,
  max_turnover: maxTurnover,
  max_lead_count: maxLeadCount,
};

export { leastRecent };
export type { DistributionMethod, MethodInput, MethodResult } from './types';
