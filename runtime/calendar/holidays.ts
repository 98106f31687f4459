// Is it a holiday in the user's calendar? The instant's local date in the user's
// zone is looked up in the calendar's sorted dates.
import { DateTime } from 'luxon';
import { wallTime } from './zone-time';

/** The local date `YYYY-MM-DD` of an instant in `zone`. */
export function localDate(zone: string, atMs: number): string {
  return DateTime.fromMillis(wallTime(zone, atMs), { zone: 'UTC' }).toFormat('yyyy-MM-dd');
}

/** True when the local date of `atMs` in `zone` is in `dates` (sorted `YYYY-MM-DD`; undefined: no calendar). */
export function isHoliday(dates: readonly string[] | undefined, zone: string, atMs: number): boolean {
  if (!dates || dates.length === 0) return false;
  const date = localDate(zone, atMs);
  let lo = 0;
  let hi = dates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = dates[mid]!;
    if (at === date) return true;
    if (at < date) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
