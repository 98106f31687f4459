// The incremental workspace: file texts and the directory text in, diagnostics per
// file and a semantic model out. Each file's parse (and the names it declares) is
// cached under its text, so an edit re-parses that one file; the link step then
// runs the project stages (resolve → typecheck → validate → lower → analyse) over
// the cached trees, which is what makes a duplicate name or a priority conflict in
// another file show up at once. `dist check`, the server's reload and the
// language service all compile through it.
import type { SourceFile } from '../language/ast';
import { sortDiagnostics, type Diagnostic } from '../language/diagnostics';
import { parse, type ParseResult } from '../language/parse';
import type { Directory } from './directory/model';
import type { Program } from './ir';
import { createContext, type DirectoryText, type SourceText, type StageName } from './stages/context';
import { STAGES } from './stages/index';
import { directoryNames, type DirectoryNames } from './workspace-directory';
import { buildModel, type SemanticModel } from './workspace-model';

/** One file of the workspace with its cached parse. */
export interface WorkspaceFile {
  file: string;
  text: string;
  parsed: ParseResult;
}

/** What one link of the workspace gives. */
export interface WorkspaceResult {
  /** Null when any error was reported, or when stopped before `lower`. */
  program: Program | null;
  /** Every diagnostic (rules and directory), sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The diagnostics of each file of the project (files without any are absent). */
  diagnosticsByFile: ReadonlyMap<string, Diagnostic[]>;
  /** The ASTs, sorted by file. */
  files: SourceFile[];
  /** The loaded directory; null without one or when it has errors. */
  directory: Directory | null;
  /** The semantic model (built on first use). */
  readonly model: SemanticModel;
}

/** True when two directory inputs are the same text (a parsed `value` always counts as new). */
function sameDirectory(a: DirectoryText | null, b: DirectoryText | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.value !== undefined || b.value !== undefined) return false;
  return a.file === b.file && a.text === b.text;
}

const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** A project held in memory, re-checked on demand after edits. */
export class Workspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private directorySource: DirectoryText | null = null;
  private directoryNamesCache: { text: string; names: DirectoryNames } | null = null;
  private linked: WorkspaceResult | null = null;
  /** How many texts have been parsed so far (what an edit costs). */
  parses = 0;

  /** A workspace holding `sources` and `directory`. */
  constructor(sources: readonly SourceText[] = [], directory: DirectoryText | null = null) {
    for (const source of sources) this.setFile(source.file, source.text);
    this.setDirectory(directory);
  }

  /** Adds or replaces a `.dist` file; an unchanged text keeps its parse. */
  setFile(file: string, text: string): void {
    const known = this.files.get(file);
    if (known?.text === text) return;
    this.parses++;
    this.files.set(file, { file, text, parsed: parse(text, file) });
    this.linked = null;
  }

  /** Removes a `.dist` file (nothing when it is not there). */
  deleteFile(file: string): void {
    if (this.files.delete(file)) this.linked = null;
  }

  /** Sets or clears the directory text. */
  setDirectory(directory: DirectoryText | null): void {
    if (sameDirectory(directory, this.directorySource)) return;
    this.directorySource = directory;
    this.linked = null;
  }

  /** Replaces the whole content: files not in `sources` are removed, unchanged texts keep their parse. */
  update(sources: readonly SourceText[], directory: DirectoryText | null): void {
    const keep = new Set(sources.map((s) => s.file));
    for (const file of [...this.files.keys()]) if (!keep.has(file)) this.deleteFile(file);
    for (const source of sources) this.setFile(source.file, source.text);
    this.setDirectory(directory);
  }

  /** The file's text and parse, if it is in the workspace. */
  file(file: string): WorkspaceFile | undefined {
    return this.files.get(file);
  }

  /** The files, sorted by path. */
  list(): WorkspaceFile[] {
    return [...this.files.values()].sort(byFile);
  }

  /** The directory's text, if any. */
  directory(): DirectoryText | null {
    return this.directorySource;
  }

  /** Links the project (cached until the next change); `stopAfter` ends after that stage, uncached. */
  check(options: { stopAfter?: StageName } = {}): WorkspaceResult {
    if (options.stopAfter === undefined && this.linked) return this.linked;
    const result = this.link(options.stopAfter);
    if (options.stopAfter === undefined) this.linked = result;
    return result;
  }

  private link(stopAfter: StageName | undefined): WorkspaceResult {
    const sources = this.list().map(({ file, text }) => ({ file, text }));
    const ctx = createContext(sources, this.directorySource, (source) => this.files.get(source.file)!.parsed);
    for (const stage of STAGES) {
      stage.run(ctx);
      if (stage.name === stopAfter) break;
    }
    const diagnostics = sortDiagnostics(ctx.diagnostics);
    const diagnosticsByFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const list = diagnosticsByFile.get(d.file);
      if (list) list.push(d);
      else diagnosticsByFile.set(d.file, [d]);
    }
    let model: SemanticModel | null = null;
    const names = () => this.namesOfDirectory();
    return {
      program: ctx.program,
      diagnostics,
      diagnosticsByFile,
      files: ctx.files,
      directory: ctx.directory,
      get model() {
        return (model ??= buildModel(ctx, names()));
      },
    };
  }

  private namesOfDirectory(): DirectoryNames | null {
    const source = this.directorySource;
    if (!source) return null;
    if (this.directoryNamesCache?.text !== source.text) this.directoryNamesCache = { text: source.text, names: directoryNames(source.text) };
    return this.directoryNamesCache.names;
  }
}
