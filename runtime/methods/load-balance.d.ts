import type { DistributionMethod } from './types';
export declare const loadBalance: DistributionMethod;
