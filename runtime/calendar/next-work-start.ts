// When does a user next start work? Walks the local days from now, collecting every
// instant at which working can begin — each occurrence of an interval's start, and
// each offset transition (a jump into an interval) — and keeps the earliest one
// after now at which the user is in fact working.
import type { Workday } from '../../compiler/directory/model';
import { isWorking, WEEKDAY_BY_INDEX } from './working-hours';
import { DAY_MS, HOUR_MS, MINUTE_MS, instantsAtWall, startOfWallDay, transitionsWithin, wallTime } from './zone-time';

/** Instants of one local day lie within this of the day's wall bounds. */
const REACH_MS = 15 * HOUR_MS;

/**
 * `atMs` when working now; else the first instant in `(atMs, atMs + horizonMs]` at
 * which a working interval starts; else null. Visits at most ⌈horizon / 24 h⌉ + 2
 * local days.
 */
export function nextWorkStart(workday: Workday | null, zone: string, atMs: number, horizonMs: number): number | null {
  if (!workday || isWorking(workday, zone, atMs)) return atMs;
  const endMs = atMs + horizonMs;
  const firstDay = startOfWallDay(wallTime(zone, atMs));
  const days = Math.ceil(horizonMs / DAY_MS) + 2;
  let best: number | null = null;
  for (let d = 0; d < days; d++) {
    const day = firstDay + d * DAY_MS;
    if (day - REACH_MS > (best ?? endMs)) break;
    for (const t of startCandidates(workday, zone, day)) {
      if (t > atMs && t <= endMs && (best === null || t < best) && isWorking(workday, zone, t)) best = t;
    }
  }
  return best;
}

/** Instants at which working may begin on the local day whose midnight is `day` (a wall time). */
function startCandidates(workday: Workday, zone: string, day: number): number[] {
  const intervals = workday.days[WEEKDAY_BY_INDEX[new Date(day).getUTCDay()]!] ?? [];
  if (intervals.length === 0) return [];
  return [
    ...intervals.flatMap((interval) => instantsAtWall(zone, day + interval.start * MINUTE_MS)),
    ...transitionsWithin(zone, day - REACH_MS, day + DAY_MS + REACH_MS),
  ];
}
