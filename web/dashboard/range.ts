// The date range of the dashboard: whole days in the browser's time zone, kept
// in the URL as `from=YYYY-MM-DD&to=YYYY-MM-DD` (both inclusive), and turned into
// the instants the API takes (`to` becomes the start of the next day).
import { readQuery } from '../shared/url-state';

/** The range as the form and URL hold it. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a local date. */
function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The range in the URL, or the last 7 days up to today. */
export function rangeFromUrl(now = new Date()): DayRange {
  const q = readQuery();
  const week = new Date(now);
  week.setDate(week.getDate() - 6);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  return { from: DAY.test(from) ? from : dayOf(week), to: DAY.test(to) ? to : dayOf(now) };
}

/** The instants of a range: local midnight of `from`, local midnight after `to`. */
export function rangeInstants(range: DayRange): { from: string; to: string } {
  const start = new Date(`${range.from}T00:00:00`);
  const end = new Date(`${range.to}T00:00:00`);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
