// Is a user inside their working hours? Working hours are wall-clock intervals per
// weekday in the workday's zone: on a DST day the clock decides, so a 09:00–18:00
// day is 8 or 10 real hours long, and local times skipped by a gap are never worked.
import type { Weekday, Workday } from '../../compiler/directory/model';
import { DAY_MS, MINUTE_MS, mod, wallTime } from './zone-time';

/** Weekdays indexed like `Date.getUTCDay()` (Sunday first). */
export const WEEKDAY_BY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The zone a user's working hours and local times are in: the workday's, else the settings' timezone. */
export function userZone(workday: Workday | null | undefined, settingsTimezone: string): string {
  return workday?.timezone ?? settingsTimezone;
}

/** True when `atMs` falls inside one of the workday's intervals in `zone`; a null workday is always working. */
export function isWorking(workday: Workday | null, zone: string, atMs: number): boolean {
  if (!workday) return true;
  const wall = wallTime(zone, atMs);
  const minute = mod(wall, DAY_MS) / MINUTE_MS;
  const intervals = workday.days[WEEKDAY_BY_INDEX[new Date(wall).getUTCDay()]!] ?? [];
  return intervals.some((interval) => interval.start <= minute && minute < interval.end);
}
