import type { SourceFile } from '../language/ast';
import { type Diagnostic } from '../language/diagnostics';
import type { Directory } from './directory/model';
import type { Program } from './ir';
import { type SourceText, type StageName } from './stages/context';
export type { SourceText, StageName } from './stages/context';
/** The texts of a project: its `.dist` files and, optionally, its directory. */
export interface CompileInput {
    sources: SourceText[];
    directory?: SourceText | null;
}
export interface CompileResult {
    /** Null when any error was reported, or when stopped before `lower`. */
    program: Program | null;
    /** Every diagnostic (rules and directory), sorted by file and position. */
    diagnostics: Diagnostic[];
    /** The ASTs, sorted by file. */
    files: SourceFile[];
    /** The loaded directory; null without one or when it has errors. */
    directory: Directory | null;
}
/**
 * Compiles a project. Files are taken in path order (the order given does not
 * matter); `stopAfter` ends the run after that stage.
 */
export declare function compileProject(input: CompileInput, options?: {
    stopAfter?: StageName;
}): CompileResult;
