// Reads the directory's named calendars: `workdays` (a time zone and hours per
// weekday) and `holidays` (lists of local dates, stored sorted and without repeats).
import { DateTime } from 'luxon';
import { isValidTimeZone } from '../values';
import { describeRaw, type IssueList } from './issues';
import { MappingReader } from './mapping-reader';
import type { Weekday, Workday } from './model';
import { parseWorkHours } from './work-hours';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Reads `workdays`; a workday with a problem is reported and kept (so references to it still resolve). */
export function readWorkdays(raw: unknown, issues: IssueList): Map<string, Workday> {
  const out = new Map<string, Workday>();
  if (raw === undefined) return out;
  const all = MappingReader.open(raw, ['workdays'], '`workdays`', null, issues);
  for (const [name, value] of all?.entries ?? []) {
    const what = `workday \`${name}\``;
    const reader = MappingReader.open(value, ['workdays', name], what, ['timezone', ...WEEKDAYS], issues);
    if (!reader) continue;
    const timezone = reader.text('timezone') ?? null;
    if (timezone !== null && !isValidTimeZone(timezone)) {
      issues.report(
        'DIST112',
        ['workdays', name, 'timezone'],
        `unknown time zone \`${timezone}\` in workday \`${name}\`; use an IANA name such as \`Asia/Kolkata\``,
      );
    }
    const days: Workday['days'] = {};
    for (const day of WEEKDAYS) {
      const hours = reader.get(day);
      if (hours === undefined) continue;
      if (typeof hours !== 'string') {
        reader.fail(day, 'hours such as `09:00-18:00`', hours);
        continue;
      }
      const parsed = parseWorkHours(hours);
      if ('problem' in parsed) issues.report('DIST502', ['workdays', name, day], `\`${day}\` in ${what} ${parsed.problem}`);
      else days[day] = parsed.intervals;
    }
    out.set(name, { timezone, days });
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` for a valid calendar date given as text or as a JS Date (taken in UTC); else null. */
export function calendarDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string' || !DATE.test(raw)) return null;
  return DateTime.fromISO(raw, { zone: 'UTC' }).isValid ? raw : null;
}

/** Reads `holidays`; each calendar's dates come out sorted and without repeats. */
export function readHolidays(raw: unknown, issues: IssueList): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (raw === undefined) return out;
  const all = MappingReader.open(raw, ['holidays'], '`holidays`', null, issues);
  for (const [name, value] of all?.entries ?? []) {
    const what = `holiday calendar \`${name}\``;
    if (!Array.isArray(value)) {
      const message = `${what} must be a list of dates such as \`2026-01-26\`; got ${describeRaw(value)}`;
      issues.report('DIST502', ['holidays', name], message);
      continue;
    }
    const dates = new Set<string>();
    value.forEach((item, index) => {
      const date = calendarDate(item);
      if (date) dates.add(date);
      else {
        const message = `${what} must list dates such as \`2026-01-26\`; got ${describeRaw(item)}`;
        issues.report('DIST502', ['holidays', name, index], message);
      }
    });
    out.set(name, [...dates].sort());
  }
  return out;
}
