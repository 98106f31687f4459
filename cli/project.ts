// Loads and compiles the project at a path for the CLI commands, and maps the
// compiler's project-relative file names to paths relative to the working folder
// (so that terminals and GitHub annotations can open them).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, defaultConfig, noProjectMessage, readText, toPosix } from '../compiler/node/project';
import { sortDiagnostics } from '../language/diagnostics';
import { EXIT_USAGE, writeError } from './output';
import type { TextLookup } from './render-diagnostics';
import { compileFolder, compileProject, findProjectRoot, loadProject, type CompiledFolder, type CompileInput, type CompileResult, type Diagnostic, type ProjectConfig, type StageName } from '../api';

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

/** How a command reads its PATH. */
export interface CompileAtOptions {
  stopAfter?: StageName;
  /**
   * A `.dist` file as PATH means that file: it is checked within its project
   * (only its own diagnostics are kept), or alone when no project is above it.
   * Without this, a file means the project around it.
   */
  singleFile?: boolean;
}

/**
 * Finds the project for `target` (a project folder, or a file or folder inside one)
 * and compiles it. A path outside any project is a usage error, except a single
 * `.dist` file with `singleFile`.
 */
export async function compileProjectAt(target: string, options: CompileAtOptions = {}): Promise<CompiledProject> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new UsageError(`no such file or folder \`${target}\``);
  const absolute = path.resolve(target);
  const single = options.singleFile && info.isFile() && absolute.endsWith('.dist') ? absolute : null;
  const stages = options.stopAfter ? { stopAfter: options.stopAfter } : {};
  const root = await findProjectRoot(absolute);
  if (root === null && single === null) throw new UsageError(noProjectMessage(target));
  if (single === null) return present(await compileFolder(root!, stages));
  const compiled = await compileFileWithin(root ?? path.dirname(single), single, stages, root === null);
  const own = toPosix(path.relative(compiled.root, single));
  return present({ ...compiled, diagnostics: compiled.diagnostics.filter((d) => d.file === own) });
}

/** Compiles the project at `root` with `file` among its sources (or, `alone`, as its only source). */
async function compileFileWithin(root: string, file: string, stages: { stopAfter?: StageName }, alone: boolean): Promise<CompiledFolder> {
  const loaded = alone ? null : await loadProject(root);
  const diagnostics = loaded ? [...loaded.diagnostics] : [];
  const input: CompileInput = loaded ? loaded.input : { sources: [], directory: null };
  const name = toPosix(path.relative(root, file));
  if (!input.sources.some((s) => s.file === name)) {
    const text = await readText(root, name, diagnostics);
    if (text === null) throw new UsageError(`cannot read \`${path.relative(process.cwd(), file)}\``);
    input.sources = [...input.sources, { file: name, text }];
  }
  const result = compileProject(input, stages);
  return { root, config: loaded?.config ?? defaultConfig(root), configText: loaded?.configText ?? null, input, result, diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]) };
}

/** Maps a compiled folder's project-relative names to paths relative to the working folder. */
function present(compiled: CompiledFolder): CompiledProject {
  const { root, input, configText } = compiled;
  const display = (file: string) => path.relative(process.cwd(), path.join(root, file)) || file;
  const texts = new Map<string, string>();
  for (const source of input.sources) texts.set(display(source.file), source.text);
  if (input.directory) texts.set(display(input.directory.file), input.directory.text);
  if (configText !== null) texts.set(display(CONFIG_FILE), configText);
  const diagnostics = compiled.diagnostics.map((d) => ({
    ...d,
    file: display(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: display(r.file) })) } : {}),
  }));
  return { root, config: compiled.config, input, result: compiled.result, diagnostics, texts: (file) => texts.get(file), display };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
