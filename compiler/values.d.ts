import type { FieldType } from './ir';
import type { FieldValue } from './directory/model';
export type CoerceResult = {
    ok: true;
    value: FieldValue;
}
/** `expected` is a phrase such as "a number"; `at` holds list indices down to the bad item. */
 | {
    ok: false;
    expected: string;
    at?: number[];
};
/** Context for values whose meaning depends on a place: local times. */
export interface CoerceContext {
    /** IANA zone for times written without an offset. */
    timezone: string;
}
/** True for object keys that must never be assigned (`__proto__`, `constructor`, `prototype`). */
export declare function isForbiddenKey(key: string): boolean;
/** True when `zone` is an IANA time zone name the platform knows (`UTC` included); answers are cached. */
export declare function isValidTimeZone(zone: string): boolean;
/**
 * Parses an ISO 8601 date or date-time to epoch milliseconds. A date-time without
 * an offset is local to `zone`; a bare date is local midnight. Local times that do
 * not exist (spring forward) move forward by the gap, ambiguous ones (fall back)
 * take the later occurrence (luxon's behaviour). Returns null when invalid.
 */
export declare function parseIsoTime(text: string, zone: string): number | null;
/** The phrase naming what a value of `type` must look like. */
export declare function describeType(type: FieldType): string;
/**
 * Coerces a JSON (or YAML) value to the runtime value of `type`. Accepted forms:
 * text: a string · number: a finite number · bool: a boolean · time: an ISO 8601
 * string (or a JS Date) · duration: milliseconds or `30m`-style text · geo:
 * `{lat, lon}` in range · choice: one of the options · list: an array of items.
 * A bad list item reports its indices in `at` and in the phrase.
 */
export declare function coerceValue(type: FieldType, raw: unknown, ctx: CoerceContext): CoerceResult;
