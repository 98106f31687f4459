import { type IssueList } from './issues';
import type { Weekday, Workday } from './model';
export declare const WEEKDAYS: readonly Weekday[];
/** Reads `workdays`; a workday with a problem is reported and kept (so references to it still resolve). */
export declare function readWorkdays(raw: unknown, issues: IssueList): Map<string, Workday>;
/** `YYYY-MM-DD` for a valid calendar date given as text or as a JS Date (taken in UTC); else null. */
export declare function calendarDate(raw: unknown): string | null;
/** Reads `holidays`; each calendar's dates come out sorted and without repeats. */
export declare function readHolidays(raw: unknown, issues: IssueList): Map<string, string[]>;
