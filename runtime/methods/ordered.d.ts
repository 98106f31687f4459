import type { DistributionMethod } from './types';
export declare const ordered: DistributionMethod;
