import type { SourceFile } from './ast';
import { type Diagnostic } from './diagnostics';
/** The AST of one file and every lexical and syntax diagnostic found in it. */
export interface ParseResult {
    ast: SourceFile;
    diagnostics: Diagnostic[];
}
/**
 * Parses one `.dist` file. Never throws, for any input string: problems are
 * reported as diagnostics (DIST001–DIST007) and the AST holds what could be read whole.
 */
export declare function parse(text: string, file: string): ParseResult;
