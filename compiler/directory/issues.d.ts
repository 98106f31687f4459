import type { DiagnosticCode } from '../../language/diagnostics';
/** A step into the parsed value: a mapping key or a list index. */
export type PathSegment = string | number;
export interface DirectoryIssue {
    code: DiagnosticCode;
    path: PathSegment[];
    /** Point at the key of the last segment rather than its value (unknown keys). */
    onKey?: boolean;
    message: string;
    /** Other places the problem involves (the first of two duplicates, the other side of a membership). */
    related?: {
        path: PathSegment[];
        message: string;
    }[];
}
/** Collects issues; `report` keeps the call sites short. */
export declare class IssueList {
    readonly items: DirectoryIssue[];
    report(code: DiagnosticCode, path: PathSegment[], message: string, extra?: Partial<DirectoryIssue>): void;
}
/** A JSON path such as `users[2].fields.grade` (keys that are not identifiers are quoted: `holidays["india-2026"]`). */
export declare function formatPath(path: readonly PathSegment[]): string;
/** A short rendering of a raw value for messages: `` `on` ``, `` `12` ``, `a list`, `a mapping`. */
export declare function describeRaw(value: unknown): string;
/** `` `a`, `b`, `c` `` */
export declare function listNames(names: readonly string[]): string;
