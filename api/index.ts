// The public library API (`dist-rules`), for services that embed the router
// behind their own webhook and for the hosts of this package (the CLI and the
// server use the same functions). Everything of `dist-rules/core`, plus
// compiling a project folder, opening a state store by URL (memory or SQLite),
// and `openProject`, which does both and creates the engine.
import { compileFolder } from '../compiler/node/compile-folder';
import { emptyDirectory, type Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import type { Diagnostic } from '../language/diagnostics';
import { locate, type LocatedDiagnostic } from '../language/locate';
import { createEngine, type Engine } from '../runtime/engine';
import { openStore } from '../runtime/state/open-store';
import type { StateStore } from '../runtime/state/store';

export * from './core';
export { compileFolder, type CompiledFolder } from '../compiler/node/compile-folder';
export { findProjectRoot, loadProject, type ProjectConfig } from '../compiler/node/project';
export { openStore, parseStateUrl, type StateLocation } from '../runtime/state/open-store';
export { createSqliteStore, type SqliteStore } from '../runtime/state/sqlite-store';
export { createPostgresStore, redactUrl, type PostgresStore, type PostgresStoreOptions } from '../runtime/state/postgres-store';

/** Thrown by `openProject` when the project has errors; `diagnostics` places each one. */
export class CompileError extends Error {
  constructor(readonly diagnostics: LocatedDiagnostic[]) {
    super(`the project does not compile:\n${diagnostics.map(showDiagnostic).join('\n')}`);
    this.name = 'CompileError';
  }
}

/** A compiled project with an engine over its state. */
export interface OpenProject {
  engine: Engine;
  program: Program;
  directory: Directory;
  store: StateStore;
  /** Warnings and notes of the compile (errors throw CompileError). */
  diagnostics: Diagnostic[];
}

export interface OpenProjectOptions {
  /** State store URL: `memory:` (the default) or `sqlite:PATH`, relative to the project folder. */
  state?: string;
  /** Epoch milliseconds; the default is the system clock. */
  clock?: () => number;
}

/**
 * Compiles the project at `folder` (its rules and directory.yaml) and creates an
 * engine over the state store `options.state`. Throws CompileError when the
 * project has errors, and an Error for a state URL it cannot open.
 */
export async function openProject(folder: string, options: OpenProjectOptions = {}): Promise<OpenProject> {
  const compiled = await compileFolder(folder);
  const texts = new Map(compiled.input.sources.map((s) => [s.file, s.text]));
  if (compiled.input.directory) texts.set(compiled.input.directory.file, compiled.input.directory.text);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  const program = compiled.result.program;
  if (errors.length > 0 || program === null) throw new CompileError(locate(errors, (file) => texts.get(file)));
  const store = await openStore(options.state ?? 'memory:', { base: compiled.root });
  const directory = compiled.result.directory ?? emptyDirectory();
  const engine = createEngine({ program, directory, store, clock: options.clock ?? Date.now });
  return { engine, program, directory, store, diagnostics: compiled.diagnostics };
}

function showDiagnostic(d: LocatedDiagnostic): string {
  const place = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column}`;
  return `${place} ${d.severity} ${d.code} ${d.message}`;
}
