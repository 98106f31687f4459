// Calendar windows for quotas (RUNTIME.md): in the settings' zone, the hour from
// :00, the day from midnight, the week from Monday 00:00, the month from the 1st.
// A window is every instant whose local clock shows that hour/day/week/month, so on
// DST days windows are 23 or 25 hours long and a repeated hour is one window.
import { DateTime } from 'luxon';
import type { QuotaPeriod } from '../../compiler/ir';
import { DAY_MS, HOUR_MS, instantsAtWall, startOfWallDay, wallTime } from './zone-time';

/** One quota window: `key` names it in state (`daily:2026-11-23`), `[startMs, endMs)` bounds it. */
export interface QuotaWindow {
  key: string;
  startMs: number;
  endMs: number;
}

/** The window last given per period and zone (`<period> <zone>`): it answers every instant it contains. */
const latest = new Map<string, Readonly<QuotaWindow>>();

/** The window of `period` containing `atMs`, in `zone`; `total` is one window over all time. The same window runs for hours to months, so it is kept. */
export function quotaWindow(period: QuotaPeriod, zone: string, atMs: number): Readonly<QuotaWindow> {
  const id = `${period} ${zone}`;
  const last = latest.get(id);
  if (last && atMs >= last.startMs && atMs < last.endMs) return last;
  const window = Object.freeze(windowAt(period, zone, atMs));
  latest.set(id, window);
  return window;
}

/** `quotaWindow` worked out afresh. */
export function windowAt(period: QuotaPeriod, zone: string, atMs: number): QuotaWindow {
  if (period === 'total') return { key: 'total', startMs: 0, endMs: Number.POSITIVE_INFINITY };
  const wall = wallTime(zone, atMs);
  const [startWall, endWall, format] = wallBounds(period, wall);
  const key = `${period}:${DateTime.fromMillis(startWall, { zone: 'UTC' }).toFormat(format)}`;
  const startMs = instantsAtWall(zone, startWall)[0]!;
  const ends = instantsAtWall(zone, endWall);
  return { key, startMs, endMs: ends.find((t) => t > atMs) ?? ends[ends.length - 1]! };
}

/** Wall-time bounds of the window containing `wall`, and the luxon format of its key. */
function wallBounds(period: Exclude<QuotaPeriod, 'total'>, wall: number): [number, number, string] {
  const day = startOfWallDay(wall);
  const date = new Date(day);
  switch (period) {
    case 'hourly': {
      const hour = wall - ((wall - day) % HOUR_MS);
      return [hour, hour + HOUR_MS, "yyyy-MM-dd'T'HH"];
    }
    case 'daily':
      return [day, day + DAY_MS, 'yyyy-MM-dd'];
    case 'weekly': {
      const monday = day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
      return [monday, monday + 7 * DAY_MS, "kkkk-'W'WW"];
    }
    case 'monthly': {
      const [y, m] = [date.getUTCFullYear(), date.getUTCMonth()];
      return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1), 'yyyy-MM'];
    }
  }
}
