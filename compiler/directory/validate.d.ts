import { type DirectoryIssue } from './issues';
import { type Directory } from './model';
import { type DirectoryContext } from './users';
/** Validates a parsed directory; `null` or `undefined` (an empty file) is the empty directory. */
export declare function validateDirectory(value: unknown, ctx: DirectoryContext): {
    directory: Directory | null;
    issues: DirectoryIssue[];
};
