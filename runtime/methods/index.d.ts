import type { Method } from '../../compiler/ir';
import { leastRecent } from './least-recent';
import type { DistributionMethod } from './types';
/** The implementation of each method kind (`weighted_by` shares `weighted`). */
export declare const METHODS: Readonly<Record<Method['kind'], DistributionMethod>>;
export { leastRecent };
export type { DistributionMethod, MethodInput, MethodResult } from './types';
