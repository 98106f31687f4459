import { type IssueList, type PathSegment } from './issues';
/** True for a plain mapping (not a list, not a Date, not null). */
export declare function isMapping(value: unknown): value is Record<string, unknown>;
/** One mapping of the directory being read, with the path and the name its messages use. */
export declare class MappingReader {
    /** Allowed, non-null entries in source order. */
    readonly entries: ReadonlyMap<string, unknown>;
    readonly path: PathSegment[];
    /** How messages name this mapping: "user `ana@acme.test`". */
    readonly what: string;
    private readonly issues;
    private constructor();
    /**
     * Opens `value` as a mapping, reporting DIST502 when it is not one, for each
     * forbidden key, and for each key outside `allowed` (null: any key is allowed).
     */
    static open(value: unknown, path: PathSegment[], what: string, allowed: readonly string[] | null, issues: IssueList): MappingReader | null;
    /** The raw value of `key`, or undefined when missing or null. */
    get(key: string): unknown;
    /** Reports that `key` (or an item under it) does not have the expected form. */
    fail(key: string, expected: string, raw: unknown, below?: PathSegment[]): undefined;
    /** The raw value of `key`, reporting DIST502 when it is missing. */
    required(key: string): unknown;
    /** Non-empty text; `required` reports a missing key. */
    text(key: string, required?: boolean): string | undefined;
    /** A boolean. */
    bool(key: string): boolean | undefined;
    /** One of `options`. */
    oneOf<T extends string>(key: string, options: readonly T[]): T | undefined;
    /** A whole number ≥ 0. */
    count(key: string): number | undefined;
    /** A list of anything (the caller checks the items). */
    list(key: string): unknown[] | undefined;
    /** A list of non-empty text; each bad item is reported at its index, and then the whole list is undefined. */
    textList(key: string): string[] | undefined;
}
