/** Edit distance (insert, delete, substitute, swap of neighbours) between two strings. */
export declare function editDistance(a: string, b: string): number;
/**
 * The candidate closest to `name`, or null when none is close enough: a
 * case-insensitive match wins, else the smallest edit distance up to a third of
 * the name's length (at most 3, so names under three characters get only case
 * matches); ties go to the earlier candidate.
 */
export declare function closest(name: string, candidates: Iterable<string>): string | null;
/** `; did you mean X?` with X formatted by `show`, or the fallback advice, ready to append to a message. */
export declare function didYouMean(suggestion: string | null, show: (s: string) => string, otherwise: string): string;
/** `data` for a diagnostic that carries a suggestion (nothing when there is none). */
export declare function suggestionData(suggestion: string | null): {
    data?: {
        suggestion: string;
    };
};
