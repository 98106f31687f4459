// The compiler's pure entry point: project texts in, IR and diagnostics out. No
// file system, no clock; the same input always gives the same result, and no
// input makes it throw. It is a one-off workspace (workspace.ts), which callers
// that re-check after edits keep instead. The fs side (finding and reading files)
// is node/project.ts.
import type { SourceFile } from '../language/ast';
import type { Diagnostic } from '../language/diagnostics';
import type { Directory } from './directory/model';
import type { Program } from './ir';
import type { DirectoryText, SourceText, StageName } from './stages/context';
import { Workspace } from './workspace';

export type { DirectoryText, SourceText, StageName } from './stages/context';

/** The texts of a project: its `.dist` files and, optionally, its directory. */
export interface CompileInput {
  sources: SourceText[];
  directory?: DirectoryText | null;
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
export function compileProject(input: CompileInput, options: { stopAfter?: StageName } = {}): CompileResult {
  const { program, diagnostics, files, directory } = new Workspace(input.sources, input.directory ?? null, { oneOff: true }).check(options);
  return { program, diagnostics, files, directory };
}
