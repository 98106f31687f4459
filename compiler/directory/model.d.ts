/** A runtime value of a schema-typed field (see compiler/values.ts). */
export type FieldValue = string | number | boolean | GeoPoint | FieldValue[];
export interface GeoPoint {
    lat: number;
    lon: number;
}
export type UserStatus = 'available' | 'away' | 'busy' | 'offline';
/** A leave period as an instant range, `[startMs, endMs)`. */
export interface LeavePeriod {
    startMs: number;
    endMs: number;
}
export interface DirectoryUser {
    id: string;
    name: string;
    /** Team names, in the order of the user's own list (validated against `teams[].members`). */
    teams: string[];
    /** Default true; false: never assigned. */
    active: boolean;
    /** Default `available`. */
    status: UserStatus;
    /** Default false. */
    checkedIn: boolean;
    /** A key of `Directory.workdays`; null means always working. */
    workday: string | null;
    /** A key of `Directory.holidays`; null means none. */
    holidays: string | null;
    leave: LeavePeriod[];
    /** Load known elsewhere; adds to the engine's own count. Default 0. */
    openLoad: number;
    /** Values for `schema user`, normalised to runtime values. */
    fields: Record<string, FieldValue>;
}
export interface Team {
    name: string;
    /** User ids; the order is the round-robin order. */
    members: string[];
}
/** A time-of-day interval in minutes after local midnight, `[start, end)`. */
export interface WorkInterval {
    start: number;
    end: number;
}
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface Workday {
    /** IANA time zone; null: the project's `settings.timezone`. */
    timezone: string | null;
    /** Working intervals per weekday; a missing day is a day off. */
    days: Partial<Record<Weekday, WorkInterval[]>>;
}
export interface Directory {
    users: DirectoryUser[];
    teams: Team[];
    groups: Team[];
    workdays: Record<string, Workday>;
    /** Holiday calendars: local dates `YYYY-MM-DD`, sorted. */
    holidays: Record<string, string[]>;
}
/** The empty directory: what a project without directory.yaml runs with. */
export declare function emptyDirectory(): Directory;
