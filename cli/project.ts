// Loads and compiles the project at a path for the CLI commands, and maps the
// compiler's project-relative file names to paths relative to the working folder
// (so that terminals and GitHub annotations can open them).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { compileProject, type CompileInput, type CompileResult, type StageName } from '../compiler/compile';
import { findProjectRoot, loadProject, type ProjectConfig } from '../compiler/node/project';
import type { Diagnostic } from '../language/diagnostics';
import { EXIT_USAGE, writeError } from './output';
import type { TextLookup } from './render-diagnostics';

export interface CompiledProject {
  root: string;
  config: ProjectConfig;
  /** The sources as loaded (project-relative file names). */
  input: CompileInput;
  result: CompileResult;
  /** Every diagnostic (loading and compiling), with `file` relative to the working folder. */
  diagnostics: Diagnostic[];
  /** Texts of the project's files, by the same display paths. */
  texts: TextLookup;
  /** Turns a project-relative file name into its display path. */
  display: (file: string) => string;
}

/** Thrown for usage and I/O problems that stop a command before any checking (exit 2). */
export class UsageError extends Error {}

/** Runs a command's body; a UsageError becomes `dist NAME: message` on stderr and exit 2. */
export async function runCommand(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`dist ${name}: ${error.message}`);
    return EXIT_USAGE;
  }
}

/** Finds the project for `target` (a project folder, or a file or folder inside one) and compiles it. */
export async function compileProjectAt(target: string, options: { stopAfter?: StageName } = {}): Promise<CompiledProject> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new UsageError(`no such file or folder \`${target}\``);
  const root = (await findProjectRoot(path.resolve(target))) ?? path.resolve(info.isDirectory() ? target : path.dirname(target));
  const loaded = await loadProject(root);
  const result = compileProject(loaded.input, options.stopAfter ? { stopAfter: options.stopAfter } : {});
  const display = (file: string) => path.relative(process.cwd(), path.join(root, file)) || file;
  const texts = new Map<string, string>();
  for (const source of loaded.input.sources) texts.set(display(source.file), source.text);
  if (loaded.input.directory) texts.set(display(loaded.input.directory.file), loaded.input.directory.text);
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics].map((d) => ({
    ...d,
    file: display(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: display(r.file) })) } : {}),
  }));
  return { root, config: loaded.config, input: loaded.input, result, diagnostics, texts: (file) => texts.get(file), display };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
