// The candidate project of shadow mode on disk (`--shadow PATH`, `server.shadow`):
// compiled at start, where errors stop the start, then watched like the live
// project (watch.ts) and compiled again on every change of its rules or
// directory. A change that compiles becomes the shadow's running version
// (Shadow.load); one that does not keeps the last good version deciding and is
// reported with its diagnostics at `GET /v1/shadow` and in the log. Reloads run
// one at a time.
import type { WorkerLogger } from './outbox/worker';
import { locate, ProjectError, type DiagnosticDetail } from './live-project';
import type { Shadow } from './shadow';
import { watchProject, type ProjectWatcher } from './watch';
import { compileFolder, emptyDirectory, type Directory, type Program } from '../api';

/** A candidate that compiled, with where its files are. */
export interface ShadowVersionFiles {
  ok: true;
  program: Program;
  directory: Directory;
  /** Its rules folder and directory file, relative to its folder (its dist.yaml's). */
  rules: string;
  directoryFile: string;
}

/** A compiled candidate, or its errors (files relative to the candidate's folder). */
export type CompiledShadow = ShadowVersionFiles | { ok: false; diagnostics: DiagnosticDetail[] };

/** Compiles the candidate project in `folder`. */
export async function compileShadow(folder: string): Promise<CompiledShadow> {
  const compiled = await compileFolder(folder);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !compiled.result.program) {
    const located = locate(errors, compiled.input);
    return { ok: false, diagnostics: located.length ? located : [{ file: '.', line: 1, column: 1, severity: 'error', code: 'DIST601', message: 'the shadow project does not compile' }] };
  }
  const directory = compiled.result.directory ?? emptyDirectory();
  return { ok: true, program: compiled.result.program, directory, rules: compiled.config.rules, directoryFile: compiled.config.directory };
}

/** Compiles the candidate for the start; errors stop it, named with the candidate's folder. */
export async function compileShadowOrThrow(folder: string): Promise<ShadowVersionFiles> {
  const compiled = await compileShadow(folder);
  if (!compiled.ok) throw new ProjectError(compiled.diagnostics.map((d) => ({ ...d, file: `${folder}/${d.file}` })));
  return compiled;
}

/** Watches the candidate's files and reloads `shadow` from them (see the top comment). */
export function watchShadow(shadow: Shadow, compiled: ShadowVersionFiles, options: { debounceMs: number; log: WorkerLogger }): ProjectWatcher {
  let chain: Promise<void> = Promise.resolve();
  const reload = async () => {
    const next = await compileShadow(shadow.path);
    if (next.ok) {
      await shadow.load(next.program, next.directory);
      options.log.info({ step: 'reload', shadow: shadow.path, ok: true, rules: next.program.rules.length }, 'reloaded the shadow rules and directory');
    } else {
      shadow.reloadFailed(next.diagnostics);
      options.log.error({ step: 'reload', shadow: shadow.path, ok: false, diagnostics: next.diagnostics }, 'the shadow change does not compile; the running shadow version stays in force');
    }
  };
  return watchProject({
    root: shadow.path,
    rules: compiled.rules,
    directory: compiled.directoryFile,
    debounceMs: options.debounceMs,
    onChange: () => {
      chain = chain.then(reload).catch((err: unknown) => options.log.error({ step: 'reload', shadow: shadow.path, err }, 'could not reload the shadow project'));
    },
    log: options.log,
  });
}
