// The language server: the pure language service behind vscode-languageserver over
// stdio. It loads the project around the workspace folder (dist.yaml, every `.dist`
// file, the directory), keeps open documents' texts over the files on disk, watches
// the rules folder and the directory for changes made outside the editor, and
// publishes every file's diagnostics after each change (they reflect the whole
// project, so an edit in one file can change another file's list).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { watch, type FSWatcher } from 'chokidar';
import {
  createConnection, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findProjectRoot, loadProject } from '../api';
import { LanguageService } from './service/language-service';
import { registerFeatures } from './server-features';

/** The server's state: the project once it is loaded. */
interface Project {
  root: string;
  service: LanguageService;
  watcher: FSWatcher | null;
}

/** Finds the project for a folder or file path: the folder with dist.yaml above it, else the folder itself. */
async function projectRootFor(fsPath: string): Promise<string> {
  return (await findProjectRoot(fsPath)) ?? fsPath;
}

/** Starts the language server on this process's stdin and stdout. */
export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let project: Promise<Project> | null = null;
  let watchedByClient = false;
  const published = new Map<string, string>();
  let publishing: ReturnType<typeof setImmediate> | null = null;

  const load = async (fsPath: string): Promise<Project> => {
    const root = await projectRootFor(fsPath);
    const loaded = await loadProject(root);
    const service = new LanguageService({ rootUri: pathToFileURL(root).href, directoryFile: loaded.config.directory });
    for (const source of loaded.input.sources) service.setFile(source.file, source.text);
    if (loaded.input.directory) service.setFile(loaded.input.directory.file, loaded.input.directory.text);
    for (const doc of documents.all()) service.setDocument(doc.uri, doc.getText());
    const watcher = watchedByClient ? null : watchProject(root, loaded.config.rules, loaded.config.directory);
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
    if (documents.get(service.uriOf(file))) return;
    if (removed) service.removeFile(file);
    else {
      const text = await readFile(path.join(root, file), 'utf8').catch(() => null);
      if (text === null) service.removeFile(file);
      else service.setFile(file, text);
    }
    schedulePublish();
  };

  function watchProject(root: string, rules: string, directory: string): FSWatcher {
    const watcher = watch([path.join(root, rules), path.join(root, directory)], { ignoreInitial: true });
    const relative = (p: string) => path.relative(root, p).split(path.sep).join('/');
    watcher.on('add', (p) => void fromDisk(relative(p), false));
    watcher.on('change', (p) => void fromDisk(relative(p), false));
    watcher.on('unlink', (p) => void fromDisk(relative(p), true));
    watcher.on('error', (error) => connection.console.warn(`watching ${root}: ${String(error)}`));
    return watcher;
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    watchedByClient = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
      if (file !== null && service.isProjectFile(file)) await fromDisk(file, change.type === FileChangeType.Deleted);
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

  connection.onShutdown(async () => {
    if (project) await (await project).watcher?.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
