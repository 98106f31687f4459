// Compiles a project folder: reads it (project.ts) and runs the pure compiler over
// its texts. The one place hosts (CLI, server, the library API) turn a folder into
// a program.
import { sortDiagnostics, type Diagnostic } from '../../language/diagnostics';
import { compileProject, type CompileInput, type CompileResult, type StageName } from '../compile';
import { loadProject, type ProjectConfig } from './project';

/** A compiled project folder. */
export interface CompiledFolder {
  /** The project folder, absolute. */
  root: string;
  config: ProjectConfig;
  /** The text of dist.yaml; null when the project has none. */
  configText: string | null;
  /** The texts as read (project-relative file names). */
  input: CompileInput;
  result: CompileResult;
  /** Every diagnostic, reading and compiling, sorted; file names are project-relative. */
  diagnostics: Diagnostic[];
}

/** Reads and compiles the project at `root`. Never rejects on the project's content. */
export async function compileFolder(root: string, options: { stopAfter?: StageName } = {}): Promise<CompiledFolder> {
  const loaded = await loadProject(root);
  const result = compileProject(loaded.input, options);
  return {
    root: loaded.config.root,
    config: loaded.config,
    configText: loaded.configText,
    input: loaded.input,
    result,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...result.diagnostics]),
  };
}
