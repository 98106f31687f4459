// The compiler's pure entry point: project texts in, IR and diagnostics out. No
// file system, no clock; the same input always gives the same result, and no
// input makes it throw. The fs side (finding and reading files) is project.ts.
import type { SourceFile } from '../language/ast';
import { sortDiagnostics, type Diagnostic } from '../language/diagnostics';
import type { Directory } from './directory/model';
import type { Program } from './ir';
import { createContext, type DirectoryText, type SourceText, type StageName } from './stages/context';
import { STAGES } from './stages/index';

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
  const sources = [...input.sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const ctx = createContext(sources, input.directory ?? null);
  for (const stage of STAGES) {
    stage.run(ctx);
    if (stage.name === options.stopAfter) break;
  }
  return {
    program: ctx.program,
    diagnostics: sortDiagnostics(ctx.diagnostics),
    files: ctx.files,
    directory: ctx.directory,
  };
}
