export declare const MINUTE_MS = 60000;
export declare const HOUR_MS = 3600000;
export declare const DAY_MS = 86400000;
/**
 * The zone's offset from UTC at instant `atMs`, in milliseconds. Assumes at most one
 * offset change per UTC day (true of every zone in use). Throws on an unknown zone
 * (zones are validated at load).
 */
export declare function offsetAt(zone: string, atMs: number): number;
/** The local wall-clock time of an instant. */
export declare function wallTime(zone: string, atMs: number): number;
/** The wall time of local midnight starting the wall time's day. */
export declare function startOfWallDay(wall: number): number;
/** `x mod m` in [0, m), also for negative `x`. */
export declare function mod(x: number, m: number): number;
/**
 * The instants whose local time is `wall`, earliest first: one normally, two in a
 * fall-back overlap, and in a spring-forward gap the single instant the gap ends
 * (the first instant whose local time is past `wall`).
 */
export declare function instantsAtWall(zone: string, wall: number): number[];
/**
 * The offset transitions within `[fromMs, toMs]`, assuming at most one (zones change
 * offset months apart; callers look at spans of a few days).
 */
export declare function transitionsWithin(zone: string, fromMs: number, toMs: number): number[];
