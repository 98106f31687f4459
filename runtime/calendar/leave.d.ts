import type { LeavePeriod } from '../../compiler/directory/model';
/** True when `atMs` is inside one of the periods, `[startMs, endMs)`. */
export declare function isOnLeave(leave: readonly LeavePeriod[], atMs: number): boolean;
