import type { DistributionMethod } from './types';
/** The interleaved cycle of keys for `weights` (in written order). */
export declare function buildCycle(weights: readonly {
    key: string;
    weight: number;
}[]): string[];
export declare const weighted: DistributionMethod;
