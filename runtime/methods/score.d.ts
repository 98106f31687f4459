import type { DistributionMethod } from './types';
export declare const score: DistributionMethod;
