// Reads the two versions `dist diff` compares: a project folder on disk, or a git
// ref of the repository around the working folder (read with `git ls-tree` and
// `git cat-file`, no checkout), compiled the same way. A version with errors is
// reported on stderr with its label (`origin/main:rules/inbound.dist:3:5 …`).
import { stat } from 'node:fs/promises';
import { compileAtCommit, GitError, resolveCommit } from '../compiler/node/git-project';
import type { ProjectVersion } from '../compiler/diff/project-diff';
import { painter, writeError } from './output';
import { compileProjectAt, hasErrors, UsageError } from './project';
import { renderText } from './render-diagnostics';
import type { Diagnostic, Directory } from '../api';

/** One compiled version, or null when it has errors (already reported). */
export interface LoadedVersion {
  /** How reports name it: the folder or the ref as given. */
  label: string;
  version: ProjectVersion;
  /** The text of a project-relative file of this version (for locating rules). */
  text: (file: string) => string | undefined;
}

/** Loads `spec` (a folder, or a git ref with the project at `project` in it); null after reporting its errors. */
export async function loadVersion(spec: string, project: string): Promise<LoadedVersion | null> {
  const info = await stat(spec).catch(() => null);
  if (info?.isDirectory()) {
    const compiled = await compileProjectAt(spec);
    const program = compiled.result.program;
    if (hasErrors(compiled.diagnostics) || !program) return failed(spec, compiled.diagnostics, compiled.texts);
    const texts = new Map(compiled.input.sources.map((s) => [s.file, s.text]));
    return { label: spec, version: { program, directory: compiled.result.directory as Directory | null }, text: (f) => texts.get(f) };
  }
  try {
    const commit = await resolveCommit(spec, process.cwd());
    const compiled = await compileAtCommit(commit, project, process.cwd());
    const texts = new Map(compiled.input.sources.map((s) => [s.file, s.text]));
    if (compiled.input.directory) texts.set(compiled.input.directory.file, compiled.input.directory.text);
    const program = compiled.result.program;
    if (hasErrors(compiled.diagnostics) || !program) {
      const shown = compiled.diagnostics.map((d) => ({ ...d, file: `${spec}:${d.file}` }));
      return failed(spec, shown, (file) => texts.get(file.slice(spec.length + 1)));
    }
    return { label: spec, version: { program, directory: compiled.result.directory }, text: (f) => texts.get(f) };
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
}

function failed(label: string, diagnostics: readonly Diagnostic[], texts: (file: string) => string | undefined): null {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  writeError(`\`${label}\` does not compile, so there is nothing to compare:`);
  writeError(renderText(errors, texts, painter(process.stderr)));
  return null;
}
