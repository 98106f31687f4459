// The version of the project the server runs: program, directory and the engine
// over them, and every way it changes while serving — a hot reload from the
// files, `PUT /v1/directory`, `PATCH /v1/users/{id}` (overlay rules in
// directory-overlay.ts). Changes run one at a time; a change that does not
// compile or validate leaves the running version untouched and is reported. A new
// version is swapped in whole: each decision runs under exactly one version, and
// since method state is keyed by rule id, rotations carry on across versions.
import { directoryFromJson } from '../compiler/directory/load';
import { own } from '../language/own';
import { inTransaction } from '../runtime/state/store';
import { applyPatches, fileHash, hasUser, mergePatch, OVERLAY_LOCK, OVERLAY_TOPIC, rawFromYaml, readOverlay, writeOverlay, type Overlay, type UserPatch } from './directory-overlay';
import type { IssueDetail } from './errors';
import type { WorkerLogger } from './outbox/worker';
import { yieldToLoop } from './yield';
import { compileProject, emptyDirectory, loadProject, locate as locateDiagnostics, type CompileInput, type CompileResult, type Diagnostic, type Directory, type Engine, type Program, type SourceText, type StateStore } from '../api';

/** The file name diagnostics give a directory sent by `PUT /v1/directory`. */
export const API_DIRECTORY_FILE = 'directory (PUT /v1/directory)';

/** A running version. */
export interface LiveVersion {
  program: Program;
  directory: Directory;
  engine: Engine;
  sources: SourceText[];
  /** directory.yaml's text when loaded (null: no file). */
  fileText: string | null;
  /** The directory base in plain form (the file's, or the one sent by PUT). */
  baseRaw: unknown;
  loadedAt: number;
}

/** A diagnostic located for the API and the log. */
export interface DiagnosticDetail {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

/** The outcome of the last change attempt (`/readyz`). */
export interface ReloadStatus {
  ok: boolean;
  at: number;
  trigger: 'start' | 'files' | 'directory';
  diagnostics: DiagnosticDetail[];
}

export interface LiveDeps {
  root: string;
  store: StateStore;
  makeEngine: (program: Program, directory: Directory) => Engine;
  log: WorkerLogger;
  clock: () => number;
  /** Called with every new version and every failed change (metrics, timers). */
  onChange?: (ok: boolean) => void;
}

/** A project loaded and compiled once, without errors. */
export interface InitialProject {
  input: CompileInput;
  result: CompileResult;
}

type Built = { ok: true; version: LiveVersion; overlay: Overlay; skipped: string[] } | { ok: false; errors: DiagnosticDetail[] };

/** The project as the server runs it (see the top comment). */
export class LiveProject {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly deps: LiveDeps,
    private version: LiveVersion,
    private status: ReloadStatus,
  ) {}

  /**
   * Loads the project and the overlay kept in state; an overlay that no longer fits is
   * discarded (and logged). `initial` is the project as the caller already loaded and
   * compiled it (`dist serve` checks it first), so start-up does not compile it again.
   */
  static async open(deps: LiveDeps, initial?: InitialProject): Promise<LiveProject> {
    const input = initial?.input ?? (await loadInput(deps.root));
    let built = build(deps, input, await inTransaction(deps.store, readOverlay), initial?.result);
    if (!built.ok) {
      deps.log.error({ step: 'reload', diagnostics: built.errors }, 'the directory changes made over the API no longer fit the project; discarded');
      const none: Overlay = { put: null, patches: {} };
      await inTransaction(deps.store, (tx) => writeOverlay(tx, none));
      built = build(deps, input, none, initial?.result);
    }
    if (!built.ok) throw new ProjectError(built.errors);
    const live = new LiveProject(deps, built.version, { ok: true, at: deps.clock(), trigger: 'start', diagnostics: [] });
    await live.settle(built, 'start');
    return live;
  }

  /** The running version. */
  get current(): LiveVersion {
    return this.version;
  }

  /** The last change attempt's outcome. */
  get reloadStatus(): ReloadStatus {
    return this.status;
  }

  /** Reloads rules and directory from the files; false (old version kept) when they do not compile. */
  reloadFromFiles(): Promise<boolean> {
    return this.serial(async () => {
      const started = this.deps.clock();
      const loaded = await loadProject(this.deps.root);
      const loadErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
      const built: Built = loadErrors.length
        ? { ok: false, errors: locate(loadErrors, loaded.input) }
        : build(this.deps, loaded.input, await inTransaction(this.deps.store, readOverlay));
      if (!built.ok) return this.fail('files', built.errors);
      await this.settle(built, 'files');
      this.deps.log.info(
        { step: 'reload', ok: true, rules: built.version.program.rules.length, users: built.version.directory.users.length, duration_ms: this.deps.clock() - started },
        'reloaded rules and directory',
      );
      return true;
    });
  }

  /** Replaces the directory (`PUT /v1/directory`): validated, checked against the rules, persisted. */
  putDirectory(value: unknown): Promise<{ ok: true; users: number } | { ok: false; errors: IssueDetail[] }> {
    return this.serial(async () => {
      const current = this.version;
      await yieldToLoop();
      const { errors } = directoryFromJson(value, contextOf(current.program));
      if (errors.length) return { ok: false as const, errors: errors.map(({ path, message }) => ({ path, message })) };
      const overlay: Overlay = { put: { raw: value as never, fileHash: fileHash(current.fileText) }, patches: {} };
      const input: CompileInput = { sources: current.sources, directory: current.fileText === null ? null : { file: 'directory.yaml', text: current.fileText } };
      await yieldToLoop();
      const built = build(this.deps, input, overlay);
      await yieldToLoop();
      if (!built.ok) return { ok: false as const, errors: built.errors.map((e) => ({ path: `${e.file}:${e.line}:${e.column}`, message: e.message })) };
      await inTransaction(this.deps.store, (tx) => writeOverlay(tx, overlay));
      await this.settle(built, 'directory');
      return { ok: true as const, users: built.version.directory.users.length };
    });
  }

  /**
   * Another replica changed the overlay (a shared store told us): rebuild the
   * running version from the stored overlay over the same files. A result that
   * does not build keeps the running version, as a file change would.
   */
  refreshFromState(): Promise<boolean> {
    return this.serial(async () => {
      const current = this.version;
      const input: CompileInput = { sources: current.sources, directory: current.fileText === null ? null : { file: 'directory.yaml', text: current.fileText } };
      const built = build(this.deps, input, await inTransaction(this.deps.store, readOverlay));
      if (!built.ok) return this.fail('directory', built.errors);
      this.version = built.version;
      this.status = { ok: true, at: this.deps.clock(), trigger: 'directory', diagnostics: [] };
      this.deps.onChange?.(true);
      return true;
    });
  }

  /** Listens for overlay changes of other replicas (shared stores only); resolves to a function that stops listening. */
  async follow(): Promise<() => Promise<void>> {
    const { store, log } = this.deps;
    if (!store.subscribe) return async () => {};
    return store.subscribe(OVERLAY_TOPIC, () => {
      this.refreshFromState().then(
        (ok) => ok && log.info({ step: 'reload', trigger: 'directory' }, 'directory changed on another replica; applied'),
        (err: unknown) => log.error({ step: 'reload', err }, 'could not apply a directory change of another replica'),
      );
    });
  }

  /** Changes one user (`PATCH /v1/users/{id}`); null when the directory has no such user. */
  patchUser(id: string, patch: UserPatch): Promise<{ ok: true; directory: Directory } | { ok: false; errors: IssueDetail[] } | null> {
    return this.serial(async () => {
      const current = this.version;
      if (!hasUser(current.baseRaw, id)) return null;
      // Read and written under the overlay's lock: patches of two replicas at once both stay.
      const result = await inTransaction(this.deps.store, async (tx) => {
        await tx.lock([OVERLAY_LOCK]);
        const overlay = await readOverlay(tx);
        const next: Overlay = { ...overlay, patches: { ...overlay.patches, [id]: mergePatch(own(overlay.patches, id), patch) } };
        const { raw } = applyPatches(current.baseRaw, next.patches);
        const loaded = directoryFromJson(raw, contextOf(current.program));
        if (loaded.directory) await writeOverlay(tx, next);
        return loaded;
      });
      const { directory, errors } = result;
      if (!directory) return { ok: false as const, errors: errors.map(({ path, message }) => ({ path, message })) };
      current.engine.setDirectory(directory);
      this.version = { ...current, directory };
      return { ok: true as const, directory };
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Swaps a built version in, drops a PUT base the file has replaced, and reports. */
  private async settle(built: Extract<Built, { ok: true }>, trigger: ReloadStatus['trigger']): Promise<void> {
    if (built.overlay.put === null) {
      const stored = await inTransaction(this.deps.store, readOverlay);
      if (stored.put !== null) {
        await inTransaction(this.deps.store, (tx) => writeOverlay(tx, { ...stored, put: null }));
        this.deps.log.warn({ step: 'reload' }, 'directory.yaml changed since the directory was replaced over the API; the file is the directory again');
      }
    }
    if (built.skipped.length) this.deps.log.warn({ step: 'reload', users: built.skipped }, 'user changes made over the API name users the directory no longer has; skipped');
    this.version = built.version;
    this.status = { ok: true, at: this.deps.clock(), trigger, diagnostics: [] };
    this.deps.onChange?.(true);
  }

  private fail(trigger: ReloadStatus['trigger'], diagnostics: DiagnosticDetail[]): false {
    this.status = { ok: false, at: this.deps.clock(), trigger, diagnostics };
    this.deps.log.error({ step: 'reload', ok: false, diagnostics }, 'the change does not compile; the running version stays in force');
    this.deps.onChange?.(false);
    return false;
  }
}

/** Thrown when the project does not compile at start-up. */
export class ProjectError extends Error {
  constructor(readonly diagnostics: DiagnosticDetail[]) {
    super(`the project does not compile: ${diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
  }
}

/** Loads the project's files; load errors (unreadable files, bad dist.yaml) stop the start. */
async function loadInput(root: string): Promise<CompileInput> {
  const loaded = await loadProject(root);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new ProjectError(locate(errors, loaded.input));
  return loaded.input;
}

/** Compiles `input` with the overlay's directory base (reusing the start-up compile when it is the same input) and applies its patches. */
function build(deps: LiveDeps, input: CompileInput, overlay: Overlay, compiled?: CompileResult): Built {
  const fileText = input.directory?.text ?? null;
  const put = overlay.put !== null && overlay.put.fileHash === fileHash(fileText) ? overlay.put : null;
  // A directory sent over the API is compiled from its JSON value; its text only places diagnostics.
  const compileInput: CompileInput =
    put === null ? input : { sources: input.sources, directory: { file: API_DIRECTORY_FILE, text: JSON.stringify(put.raw, null, 2), value: put.raw } };
  const result = compiled && compileInput === input ? compiled : compileProject(compileInput);
  if (result.program === null) return { ok: false, errors: locate(result.diagnostics.filter((d) => d.severity === 'error'), compileInput) };
  const baseRaw = put ? put.raw : rawFromYaml(fileText);
  let directory = result.directory ?? emptyDirectory();
  let skipped: string[] = [];
  if (Object.keys(overlay.patches).length > 0) {
    const patched = applyPatches(baseRaw, overlay.patches);
    skipped = patched.skipped;
    const loaded = directoryFromJson(patched.raw, contextOf(result.program));
    if (!loaded.directory) {
      return { ok: false, errors: loaded.errors.map((e) => ({ file: 'PATCH /v1/users', line: 0, column: 0, severity: 'error', code: e.code, message: `${e.path}: ${e.message}` })) };
    }
    directory = loaded.directory;
  }
  const version: LiveVersion = {
    program: result.program,
    directory,
    engine: deps.makeEngine(result.program, directory),
    sources: input.sources,
    fileText,
    baseRaw,
    loadedAt: deps.clock(),
  };
  return { ok: true, version, overlay: { put, patches: overlay.patches }, skipped };
}

/** Every queue name the program can put a record in. */
export function queuesOf(program: Program): Set<string> {
  const names = new Set([program.settings.unmatched.queue]);
  for (const rule of program.rules) if (rule.fallback?.kind === 'queue') names.add(rule.fallback.queue);
  for (const map of program.maps) if (map.invalidQueue !== null) names.add(map.invalidQueue);
  return names;
}

/** What directory validation needs from the program. */
function contextOf(program: Program) {
  return { userSchema: program.schemas.user?.fields ?? null, timezone: program.settings.timezone };
}

/** Line and column for each diagnostic, from the texts that were compiled. */
export function locate(diagnostics: readonly Diagnostic[], input: CompileInput): DiagnosticDetail[] {
  const texts = new Map<string, string>(input.sources.map((s) => [s.file, s.text]));
  if (input.directory) texts.set(input.directory.file, input.directory.text);
  return locateDiagnostics(diagnostics, (file) => texts.get(file)).map((d) => ({
    file: d.file,
    line: d.line ?? 1,
    column: d.column ?? 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
}
