/** Matches a run of characters that start no token (merged into one DIST001). */
export declare function badCharactersAt(text: string, offset: number): [string] | null;
/** Start-character hints for `badCharactersAt`: every UTF-16 code unit it can match. */
export declare const BAD_CHARACTER_HINTS: number[];
/** Matches `/* … *\/`, or from `/*` to the end of the text when it is never closed. */
export declare function blockCommentAt(text: string, offset: number): [string] | null;
