import { type Diagnostic } from '../../language/diagnostics';
import type { Directory } from './model';
import type { DirectoryContext } from './users';
export type { DirectoryContext } from './users';
/**
 * Loads directory.yaml. Never throws: YAML syntax errors are DIST501 (every one
 * reported, nothing else checked), every other problem has its own code, and any
 * problem at all gives `directory: null`. An empty file is the empty directory.
 */
export declare function loadDirectory(text: string, file: string, ctx: DirectoryContext): {
    directory: Directory | null;
    diagnostics: Diagnostic[];
};
/** A directory problem addressed by JSON path (`users[2].fields.grade`). */
export interface JsonIssue {
    path: string;
    message: string;
    code: string;
}
/**
 * Validates a directory sent as JSON (`PUT /v1/directory`); errors are addressed by
 * JSON path such as `users[2].fields.grade`.
 */
export declare function directoryFromJson(value: unknown, ctx: DirectoryContext): {
    directory: Directory | null;
    errors: JsonIssue[];
    warnings: JsonIssue[];
};
