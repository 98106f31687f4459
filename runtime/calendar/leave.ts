// Is the user on leave? Leave periods are resolved to instants at load time, so
// this is a plain range check.
import type { LeavePeriod } from '../../compiler/directory/model';

/** True when `atMs` is inside one of the periods, `[startMs, endMs)`. */
export function isOnLeave(leave: readonly LeavePeriod[], atMs: number): boolean {
  return leave.some((period) => period.startMs <= atMs && atMs < period.endMs);
}
