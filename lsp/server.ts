// The language server: the pure language service behind vscode-languageserver over
// stdio. It loads the project around the workspace folder (dist.yaml, every `.dist`
// file, the directory), keeps open documents' texts over the files on disk, watches
// the rules folder and the directory for changes made outside the editor, and
// publishes every file's diagnostics after each change (they reflect the whole
// project, so an edit in one file can change another file's list). Given a way to
// count the scenario cases that reach each rule, it counts them on start and after
// each change on disk (rules, directory or suites) for the code lens above each rule.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { watch, type FSWatcher } from 'chokidar';
import {
  CodeLensRefreshRequest, createConnection, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findProjectRoot, loadProject } from '../api';
import { caseCounter, type CountCases } from './case-counter';
import { LanguageService } from './service/language-service';
import { TOKEN_TYPES } from './service/semantic-tokens';
import { registerFeatures } from './server-features';

/** The server's state: the project once it is loaded. */
interface Project {
  root: string;
  service: LanguageService;
  watcher: FSWatcher | null;
}

export interface ServerOptions {
  /** Counts cases for the code lens; without it each lens offers to run its rule's cases uncounted. */
  countCases?: CountCases;
}

/** Finds the project for a folder or file path: the folder with dist.yaml above it, else the folder itself. */
async function projectRootFor(fsPath: string): Promise<string> {
  return (await findProjectRoot(fsPath)) ?? fsPath;
}

/** Starts the language server on this process's stdin and stdout. */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let project: Promise<Project> | null = null;
  let watchedByClient = false;
  let lensRefresh = false;
  const cases = caseCounter(options.countCases, () => {
    if (lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  });
  const published = new Map<string, string>();
  let publishing: ReturnType<typeof setImmediate> | null = null;

  /** Counts the cases reaching each rule over the project as it then compiles. */
  const scheduleCount = (root: string, service: LanguageService) =>
    cases.schedule(() => {
      const { program } = service.workspace.check();
      return program === null ? null : { root, program, directory: service.workspace.directory()?.text ?? null };
    });

  const load = async (fsPath: string): Promise<Project> => {
    const root = await projectRootFor(fsPath);
    const loaded = await loadProject(root);
    const service = new LanguageService({ rootUri: pathToFileURL(root).href, directoryFile: loaded.config.directory });
    for (const source of loaded.input.sources) service.setFile(source.file, source.text);
    if (loaded.input.directory) service.setFile(loaded.input.directory.file, loaded.input.directory.text);
    for (const doc of documents.all()) service.setDocument(doc.uri, doc.getText());
    const watcher = watchedByClient ? null : watchProject(root, [loaded.config.rules, loaded.config.directory, loaded.config.tests]);
    scheduleCount(root, service);
    return { root, service, watcher };
  };

  const projectFor = (uri: string): Promise<Project> => {
    project ??= load(path.dirname(fileURLToPath(uri)));
    return project;
  };

  /** Publishes the diagnostics that changed since the last time, once per turn of the event loop. */
  const schedulePublish = () => {
    if (publishing || !project) return;
    publishing = setImmediate(() => {
      publishing = null;
      void project!.then(({ service }) => {
        for (const [uri, diagnostics] of service.diagnostics()) {
          const key = JSON.stringify(diagnostics);
          if (published.get(uri) === key) continue;
          published.set(uri, key);
          void connection.sendDiagnostics({ uri, diagnostics });
        }
      });
    });
  };

  /** Reads a changed file from disk, unless the editor holds it open. */
  const fromDisk = async (file: string, removed: boolean) => {
    const { root, service } = await project!;
    scheduleCount(root, service);
    if (!service.isProjectFile(file) || documents.get(service.uriOf(file))) return;
    if (removed) service.removeFile(file);
    else {
      const text = await readFile(path.join(root, file), 'utf8').catch(() => null);
      if (text === null) service.removeFile(file);
      else service.setFile(file, text);
    }
    schedulePublish();
  };

  function watchProject(root: string, paths: string[]): FSWatcher {
    const watcher = watch(paths.map((p) => path.join(root, p)), { ignoreInitial: true });
    const relative = (p: string) => path.relative(root, p).split(path.sep).join('/');
    watcher.on('add', (p) => void fromDisk(relative(p), false));
    watcher.on('change', (p) => void fromDisk(relative(p), false));
    watcher.on('unlink', (p) => void fromDisk(relative(p), true));
    watcher.on('error', (error) => connection.console.warn(`watching ${root}: ${String(error)}`));
    return watcher;
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    watchedByClient = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder) project = load(fileURLToPath(folder));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '"', ' '] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        renameProvider: { prepareProvider: true },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] }, full: true },
        foldingRangeProvider: true,
        codeLensProvider: {},
      },
      serverInfo: { name: 'dist', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (!watchedByClient) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.dist' }, { globPattern: '**/*.yaml' }],
    });
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    if (!project) return;
    const { service } = await project;
    for (const change of changes) {
      const file = service.fileOf(change.uri);
      if (file !== null) await fromDisk(file, change.type === FileChangeType.Deleted);
    }
  });

  // Fired on open too.
  documents.onDidChangeContent(async ({ document }) => {
    const { service } = await projectFor(document.uri);
    if (service.setDocument(document.uri, document.getText())) schedulePublish();
  });
  documents.onDidClose(async ({ document }) => {
    const { service } = await projectFor(document.uri);
    const file = service.fileOf(document.uri);
    if (file !== null) await fromDisk(file, false);
  });

  const ready = async (uri: string) => (await projectFor(uri)).service;
  registerFeatures(connection, ready, async () => (project ? (await project).service : null));
  connection.onCodeLens(async ({ textDocument }) => (await ready(textDocument.uri)).codeLenses(textDocument.uri, cases.counts()));

  connection.onShutdown(async () => {
    cases.stop();
    if (project) await (await project).watcher?.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
