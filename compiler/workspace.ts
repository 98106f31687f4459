// The incremental workspace: file texts and the directory text in, diagnostics per
// file and a semantic model out. Each file's parse is cached under its text, so an
// edit re-parses that one file. The project facts (the text of every declaration
// that is not a rule — schemas, settings, maps — and the directory) have a
// version; each file's rules, checked on their own (workspace-unit.ts), are cached
// under the file's parse and that version, and each rule under its declaration:
// an edit re-parses the declaration it falls in and keeps the others' objects
// (workspace-reparse.ts), so it re-checks (and lowers and analyses) the rules it
// touched only. The link step (workspace-link.ts) then runs what spans
// files over the cached units — which is what makes a duplicate name or a priority
// conflict in another file show up at once — and the loaded directory is cached
// under its text and what it is checked against. `dist check`, the server's reload
// and the language service all compile through it.
import type { SourceFile } from '../language/ast';
import { sortDiagnostics, type Diagnostic } from '../language/diagnostics';
import { parse, type ParseResult } from '../language/parse';
import { analysisCache } from './analysis/analyse-rules';
import { loadDirectory } from './directory/load';
import type { Directory } from './directory/model';
import type { Program } from './ir';
import { createContext, type CompileCaches, type CompileContext, type DirectoryText, type SourceText, type StageName } from './stages/context';
import { STAGES } from './stages/index';
import { directoryNames, type DirectoryNames } from './workspace-directory';
import { linkProject } from './workspace-link';
import { reparse } from './workspace-reparse';
import { buildModel, type SemanticModel } from './workspace-model';
import { checkFileRules, type FileUnit, type RuleChecks } from './workspace-unit';

/** One file of the workspace with its cached parse. */
export interface WorkspaceFile {
  file: string;
  text: string;
  parsed: ParseResult;
  /** The file's part of the project facts: its declarations that are not rules, as written and where. */
  facts: string;
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
  /** The version of the project facts this result was linked with. */
  facts: number;
}

/** True when two directory inputs are the same text (a parsed `value` always counts as new). */
function sameDirectory(a: DirectoryText | null, b: DirectoryText | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.value !== undefined || b.value !== undefined) return false;
  return a.file === b.file && a.text === b.text;
}

const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** A file's declarations other than rules, with where each starts (what the rules of every file are checked against). */
function factsOf(text: string, parsed: ParseResult): string {
  const parts: string[] = [];
  for (const decl of parsed.ast.declarations) {
    if (decl.kind !== 'Rule') parts.push(`${decl.span.start}:${text.slice(decl.span.start, decl.span.end)}`);
  }
  return parts.join('\u0000');
}

/** A project held in memory, re-checked on demand after edits. */
export class Workspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private directorySource: DirectoryText | null = null;
  private directoryNamesCache: { text: string; names: DirectoryNames } | null = null;
  private directoryCache: { key: string; text: string; loaded: ReturnType<typeof loadDirectory> } | null = null;
  private readonly units = new Map<string, FileUnit>();
  private readonly ruleChecks: RuleChecks = new WeakMap();
  /** Null for a one-off check, which would only pay for filling them. */
  private readonly caches: CompileCaches | null;
  /** The version of the project facts: bumped when a file's facts or the directory change. */
  private facts = 0;
  private linked: WorkspaceResult | null = null;
  private lastLinked: WorkspaceResult | null = null;
  /** How many texts have been parsed so far (what an edit costs). */
  parses = 0;

  /** A workspace holding `sources` and `directory`; `oneOff` when it is checked once and dropped (no caches of the IR and the analysis). */
  constructor(sources: readonly SourceText[] = [], directory: DirectoryText | null = null, options: { oneOff?: boolean } = {}) {
    this.caches = options.oneOff ? null : { lowered: new WeakMap(), analysis: analysisCache(), dryPools: new WeakMap() };
    for (const source of sources) this.setFile(source.file, source.text);
    this.setDirectory(directory);
  }

  /** Adds or replaces a `.dist` file; an unchanged text keeps its parse. */
  setFile(file: string, text: string): void {
    const known = this.files.get(file);
    if (known?.text === text) return;
    this.parses++;
    const parsed = known && this.caches ? reparse(known, text, file) : parse(text, file);
    const facts = factsOf(text, parsed);
    if (known?.facts !== facts && (known !== undefined || facts !== '')) this.facts++;
    this.files.set(file, { file, text, parsed, facts });
    this.linked = null;
  }

  /** Removes a `.dist` file (nothing when it is not there). */
  deleteFile(file: string): void {
    const known = this.files.get(file);
    if (!known) return;
    this.files.delete(file);
    this.units.delete(file);
    if (known.facts !== '') this.facts++;
    this.linked = null;
  }

  /** Sets or clears the directory text. */
  setDirectory(directory: DirectoryText | null): void {
    if (sameDirectory(directory, this.directorySource)) return;
    this.directorySource = directory;
    this.facts++;
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

  /** Links the project (cached until the next change); `stopAfter` runs the stages up to that one, uncached. */
  check(options: { stopAfter?: StageName } = {}): WorkspaceResult {
    if (options.stopAfter === undefined && this.linked) return this.linked;
    const result = this.link(options.stopAfter);
    if (options.stopAfter === undefined) this.linked = this.lastLinked = result;
    return result;
  }

  /**
   * The last link while the project facts are the same as now (rules may have
   * changed since), else a new link: what completion reads (schemas, the
   * directory) without waiting for the rules to be re-checked.
   */
  latest(): WorkspaceResult {
    return this.linked ?? (this.lastLinked?.facts === this.facts ? this.lastLinked : this.check());
  }

  private link(stopAfter: StageName | undefined): WorkspaceResult {
    const sources = this.list().map(({ file, text }) => ({ file, text }));
    const parsed = (source: SourceText) => this.files.get(source.file)!.parsed;
    const load: typeof loadDirectory = (text, file, context, value) => this.loadDirectory(text, file, context, value);
    const ctx = createContext(sources, this.directorySource, parsed, load, stopAfter === undefined ? this.caches : null);
    let units: FileUnit[] | null = null;
    if (stopAfter === undefined) units = linkProject(ctx, (ast, project) => this.unitOf(ast, project));
    else {
      for (const stage of STAGES) {
        stage.run(ctx);
        if (stage.name === stopAfter) break;
      }
    }
    const facts = this.facts;
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
        return (model ??= buildModel(ctx, names, units));
      },
      facts,
    };
  }

  /** A file's checked rules: the cached unit while its parse and the project facts are unchanged. */
  private unitOf(ast: SourceFile, project: CompileContext): FileUnit {
    const known = this.units.get(ast.file);
    if (known?.ast === ast && known.facts === this.facts) return known;
    const unit = checkFileRules(project, ast, this.facts, this.caches ? this.ruleChecks : undefined);
    this.units.set(ast.file, unit);
    return unit;
  }

  /** Loads the directory, reusing the last load while its text, the user schema and the time zone stay the same. */
  private loadDirectory(...args: Parameters<typeof loadDirectory>): ReturnType<typeof loadDirectory> {
    const [text, file, context, value] = args;
    if (value !== undefined) return loadDirectory(text, file, context, value);
    const key = JSON.stringify([file, context.timezone, context.userSchema]);
    if (this.directoryCache?.key !== key || this.directoryCache.text !== text) this.directoryCache = { key, text, loaded: loadDirectory(text, file, context) };
    return this.directoryCache.loaded;
  }

  private namesOfDirectory(): DirectoryNames | null {
    const source = this.directorySource;
    if (!source) return null;
    if (this.directoryNamesCache?.text !== source.text) this.directoryNamesCache = { text: source.text, names: directoryNames(source.text) };
    return this.directoryNamesCache.names;
  }
}
