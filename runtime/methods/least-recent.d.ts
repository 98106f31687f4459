import type { DistributionMethod } from './types';
export declare const leastRecent: DistributionMethod;
