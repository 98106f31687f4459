// Reads a user's `leave` list. A whole date covers whole days (`from` at local
// midnight, `to` through the local midnight after it); a date-time is an instant,
// with `to` exclusive. Local values are in the user's zone (see users.ts).
import { DateTime } from 'luxon';
import { parseIsoTime } from '../values';
import { calendarDate } from './calendars';
import type { IssueList } from './issues';
import { MappingReader } from './mapping-reader';
import type { LeavePeriod } from './model';

const EXPECTED = 'a date such as `2026-11-24` or a time such as `2026-12-01T13:00`';

/** The user's leave periods in the order written; bad periods are reported and left out. */
export function readLeave(user: MappingReader, zone: string, issues: IssueList): LeavePeriod[] {
  const out: LeavePeriod[] = [];
  user.list('leave')?.forEach((item, index) => {
    const path = [...user.path, 'leave', index];
    const reader = MappingReader.open(item, path, `leave period [${index}] of ${user.what}`, ['from', 'to'], issues);
    if (!reader) return;
    const startMs = readBound(reader, 'from', zone, false);
    const endMs = readBound(reader, 'to', zone, true);
    if (startMs === undefined || endMs === undefined) return;
    if (endMs <= startMs) {
      const message = `leave period [${index}] of ${user.what} ends before it starts; make \`to\` later than \`from\``;
      issues.report('DIST502', [...path, 'to'], message);
      return;
    }
    out.push({ startMs, endMs });
  });
  return out;
}

function readBound(reader: MappingReader, key: 'from' | 'to', zone: string, isEnd: boolean): number | undefined {
  const raw = reader.required(key);
  if (raw === undefined) return undefined;
  const ms = instant(raw, zone, isEnd);
  return ms ?? reader.fail(key, EXPECTED, raw);
}

function instant(raw: unknown, zone: string, isEnd: boolean): number | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.getTime();
  if (typeof raw !== 'string') return null;
  const date = calendarDate(raw);
  if (!date) return parseIsoTime(raw, zone);
  const midnight = DateTime.fromISO(date, { zone });
  return (isEnd ? midnight.plus({ days: 1 }).startOf('day') : midnight).toMillis();
}
