import type { Weekday, Workday } from '../../compiler/directory/model';
/** Weekdays indexed like `Date.getUTCDay()` (Sunday first). */
export declare const WEEKDAY_BY_INDEX: readonly Weekday[];
/** The zone a user's working hours and local times are in: the workday's, else the settings' timezone. */
export declare function userZone(workday: Workday | null | undefined, settingsTimezone: string): string;
/** True when `atMs` falls inside one of the workday's intervals in `zone`; a null workday is always working. */
export declare function isWorking(workday: Workday | null, zone: string, atMs: number): boolean;
