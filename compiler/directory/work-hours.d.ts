import type { WorkInterval } from './model';
/** The intervals, or a message fragment saying what is wrong (used after "`fri` in workday `x` "). */
export declare function parseWorkHours(text: string): {
    intervals: WorkInterval[];
} | {
    problem: string;
};
