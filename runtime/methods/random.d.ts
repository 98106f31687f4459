import type { DistributionMethod } from './types';
/** One mulberry32 step: the next state and a float in [0, 1). */
export declare function mulberry32(state: number): {
    state: number;
    value: number;
};
/** 32-bit FNV-1a hash of a string. */
export declare function fnv1a(text: string): number;
export declare const random: DistributionMethod;
