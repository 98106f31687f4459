/** A string token decoded: its value, whether it was closed, and the first bad escape. */
export interface DecodedString {
    value: string;
    terminated: boolean;
    /** Offset and length, within the token, of the first invalid escape; null when all are valid. */
    badEscape: {
        at: number;
        length: number;
    } | null;
}
/** Decodes a string token's image (`"…"`, possibly unterminated) with JSON escapes. */
export declare function decodeString(raw: string): DecodedString;
/** Why a number token is malformed, or null when it is a valid number. */
export declare function numberProblem(raw: string): string | null;
/** Why a duration-shaped token (digits followed by letters) is malformed, or null. */
export declare function durationProblem(raw: string): string | null;
/** The value of a valid number token. */
export declare function numberValue(raw: string): number;
/** Milliseconds of a valid duration token, rounded to a whole millisecond. */
export declare function durationMs(raw: string): number;
/**
 * Parses a duration (`250ms`, `30s`, `60m`, `1.5h`, `7d`, digit groups as in
 * `1_000ms`) to whole milliseconds; null when it is not one.
 */
export declare function parseDuration(text: string): number | null;
