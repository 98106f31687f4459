// The language service: one pure object over the compiler's workspace, holding the
// texts of a project's `.dist` files and its directory, and answering every editor
// feature in LSP terms (diagnostics, completion, hover, definition, references,
// rename, symbols, formatting, code actions, code lens, semantic tokens, folding).
// No file system and no transport: the stdio server, the browser playground and
// the tests drive the same object.
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, SemanticTokens, SymbolInformation } from 'vscode-languageserver-types';
import { Workspace } from '../../compiler/workspace';
import { codeActions } from './code-actions';
import { codeLenses, type RuleCaseCounts } from './code-lens';
import { completion } from './completion';
import type { ServiceContext } from './context';
import { projectDiagnostics } from './diagnostics';
import { foldingRanges } from './folding';
import { formatting, type FormatOutcome } from './formatting';
import { hover } from './hover';
import { definition, references } from './navigation';
import { TextPositions } from './positions';
import { prepareRename, rename, type RenameOutcome } from './rename';
import { semanticTokens } from './semantic-tokens';
import { documentSymbols, workspaceSymbols } from './symbols';

/** Where the project lives, as URIs. */
export interface ServiceOptions {
  /** The project folder's URI (`file:///home/me/routing`, `inmemory://project`), without a trailing `/`. */
  rootUri: string;
  /** The directory's path in the project (dist.yaml's `directory`), default `directory.yaml`. */
  directoryFile?: string;
}

function decodePath(path: string): string {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }).join('/');
}

/** The language service of one project. */
export class LanguageService {
  readonly workspace = new Workspace();
  private readonly texts = new Map<string, TextPositions>();
  private readonly root: string;
  private readonly decodedRoot: string;
  private readonly ctx: ServiceContext;

  constructor(options: ServiceOptions) {
    this.root = options.rootUri.replace(/\/+$/, '');
    this.decodedRoot = decodePath(this.root);
    const directoryFile = options.directoryFile ?? 'directory.yaml';
    this.ctx = {
      workspace: this.workspace,
      result: () => this.workspace.check(),
      text: (file) => this.texts.get(file) ?? null,
      ast: (file) => this.workspace.file(file)?.parsed.ast ?? null,
      uri: (file) => `${this.root}/${file.split('/').map(encodeURIComponent).join('/')}`,
      file: (uri) => {
        const decoded = decodePath(uri);
        return decoded.startsWith(`${this.decodedRoot}/`) ? decoded.slice(this.decodedRoot.length + 1) : null;
      },
      directoryFile,
    };
  }

  /** The project file of a URI (null outside the project). */
  fileOf(uri: string): string | null {
    return this.ctx.file(uri);
  }

  /** The URI of a project file. */
  uriOf(file: string): string {
    return this.ctx.uri(file);
  }

  /** True for the project's directory and its `.dist` files. */
  isProjectFile(file: string): boolean {
    return file === this.ctx.directoryFile || file.endsWith('.dist');
  }

  /** Sets the text of a project file by its path; false when the path is not one the project reads. */
  setFile(file: string, text: string): boolean {
    if (!this.isProjectFile(file)) return false;
    this.texts.set(file, new TextPositions(text));
    if (file === this.ctx.directoryFile) this.workspace.setDirectory({ file, text });
    else this.workspace.setFile(file, text);
    return true;
  }

  /** Removes a project file (deleted on disk). */
  removeFile(file: string): void {
    this.texts.delete(file);
    if (file === this.ctx.directoryFile) this.workspace.setDirectory(null);
    else this.workspace.deleteFile(file);
  }

  /** Sets the text of a document; false when it is not a file of this project. */
  setDocument(uri: string, text: string): boolean {
    const file = this.fileOf(uri);
    return file !== null && this.setFile(file, text);
  }

  /** Every file's diagnostics by URI, an empty list for clean files (they reflect the whole project). */
  diagnostics(): Map<string, Diagnostic[]> {
    return projectDiagnostics(this.ctx);
  }

  private at<T>(uri: string, position: Position, answer: (file: string, offset: number) => T, none: T): T {
    const file = this.fileOf(uri);
    const text = file === null ? null : this.ctx.text(file);
    return file === null || !text ? none : answer(file, text.offset(position));
  }

  completion(uri: string, position: Position): CompletionItem[] {
    return this.at(uri, position, (file, offset) => completion(this.ctx, file, offset), []);
  }

  hover(uri: string, position: Position): Hover | null {
    return this.at(uri, position, (file, offset) => hover(this.ctx, file, offset), null);
  }

  definition(uri: string, position: Position): Location | null {
    return this.at(uri, position, (file, offset) => definition(this.ctx, file, offset), null);
  }

  references(uri: string, position: Position, includeDeclaration = true): Location[] {
    return this.at(uri, position, (file, offset) => references(this.ctx, file, offset, includeDeclaration), []);
  }

  /** The range a rename at `position` would change, null where nothing can be renamed. */
  prepareRename(uri: string, position: Position): Range | null {
    return this.at(uri, position, (file, offset) => prepareRename(this.ctx, file, offset), null);
  }

  /** Renames the symbol at `position`; a rule keeps its state through an `id` clause. */
  rename(uri: string, position: Position, newName: string): RenameOutcome {
    return this.at(uri, position, (file, offset) => rename(this.ctx, file, offset, newName), { error: 'this document is not part of the project' });
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    const file = this.fileOf(uri);
    return file === null ? [] : documentSymbols(this.ctx, file);
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    return workspaceSymbols(this.ctx, query);
  }

  /** The quick fixes for the diagnostics that touch `range`. */
  codeActions(uri: string, range: Range): CodeAction[] {
    const file = this.fileOf(uri);
    const text = file === null ? null : this.ctx.text(file);
    return file === null || !text ? [] : codeActions(this.ctx, file, text.span(range));
  }

  /** The code lenses of a document: one per rule, with its case count when `counts` has one. */
  codeLenses(uri: string, counts: RuleCaseCounts | null = null): CodeLens[] {
    const file = this.fileOf(uri);
    return file === null ? [] : codeLenses(this.ctx, file, counts);
  }

  /** The semantic tokens of a document (the legend is TOKEN_TYPES). */
  semanticTokens(uri: string): SemanticTokens {
    const file = this.fileOf(uri);
    return { data: file === null ? [] : semanticTokens(this.ctx, file) };
  }

  /** The folding ranges of a document. */
  foldingRanges(uri: string): FoldingRange[] {
    const file = this.fileOf(uri);
    return file === null ? [] : foldingRanges(this.ctx, file);
  }

  /** The edits that format a document, or why it is left as it is. */
  formatting(uri: string): FormatOutcome {
    const file = this.fileOf(uri);
    return file === null ? { edits: [], refused: null } : formatting(this.ctx, file);
  }
}
