// Parses a workday's hours for one weekday: `"09:00-18:00"` or
// `"09:00-13:00, 14:00-18:00"` → intervals in minutes after local midnight, sorted,
// each starting before it ends (`24:00` allowed as an end), none overlapping.
import type { WorkInterval } from './model';

const RANGE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/** The intervals, or a message fragment saying what is wrong (used after "`fri` in workday `x` "). */
export function parseWorkHours(text: string): { intervals: WorkInterval[] } | { problem: string } {
  const intervals: WorkInterval[] = [];
  for (const part of text.split(',')) {
    const match = RANGE.exec(part.trim());
    const start = match ? minutes(match[1]!, match[2]!, false) : null;
    const end = match ? minutes(match[3]!, match[4]!, true) : null;
    if (start === null || end === null) {
      return {
        problem: `must be hours such as \`09:00-18:00\` or \`09:00-13:00, 14:00-18:00\`; got \`${text}\``,
      };
    }
    if (start >= end) {
      return {
        problem: `has \`${part.trim()}\`, which does not end after it starts; overnight hours are not supported, so split them over two days`,
      };
    }
    intervals.push({ start, end });
  }
  intervals.sort((a, b) => a.start - b.start);
  for (let i = 1; i < intervals.length; i++) {
    const [a, b] = [intervals[i - 1]!, intervals[i]!];
    if (b.start < a.end) {
      return { problem: `has overlapping hours \`${clock(a)}\` and \`${clock(b)}\`; make them not overlap` };
    }
  }
  return { intervals };
}

function minutes(hours: string, mins: string, isEnd: boolean): number | null {
  const h = Number(hours);
  const m = Number(mins);
  if (m > 59 || h > 24 || (h === 24 && (m !== 0 || !isEnd))) return null;
  return h * 60 + m;
}

function clock(interval: WorkInterval): string {
  const hhmm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  return `${hhmm(interval.start)}-${hhmm(interval.end)}`;
}
