/** The local date `YYYY-MM-DD` of an instant in `zone`. */
export declare function localDate(zone: string, atMs: number): string;
/** True when the local date of `atMs` in `zone` is in `dates` (sorted `YYYY-MM-DD`; undefined: no calendar). */
export declare function isHoliday(dates: readonly string[] | undefined, zone: string, atMs: number): boolean;
