// The language client: starts the dist language server over stdio, either the one
// bundled with the extension (out/server.mjs, run by the Node inside VS Code) or an external
// `dist` executable (`dist lsp --stdio`; the client adds `--stdio`) named by the `dist.server.path` setting.
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type Executable, type LanguageClientOptions, type NodeModule, type ServerOptions } from 'vscode-languageclient/node';

/** The id of the client: VS Code reads its trace level from `dist.trace.server`. */
export const CLIENT_ID = 'dist';

/** The bundled server, relative to the extension folder. */
export const BUNDLED_SERVER = 'out/server.mjs';

/** The settings the client is started with. */
export interface ClientSettings {
  /** `dist.server.path`: an external `dist` executable, or '' for the bundled server. */
  serverPath: string;
  /** `dist.projectRoot`, resolved against the first workspace folder, or '' when unset. */
  projectRoot: string;
}

/** Reads the client's settings for the window (the first workspace folder). */
export function readSettings(): ClientSettings {
  const config = vscode.workspace.getConfiguration('dist');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const root = config.get<string>('projectRoot', '').trim();
  return {
    serverPath: config.get<string>('server.path', '').trim(),
    projectRoot: root === '' ? '' : path.resolve(folder ?? '.', root),
  };
}

function serverOptions(context: vscode.ExtensionContext, settings: ClientSettings): ServerOptions {
  if (settings.serverPath !== '') {
    const external: Executable = { command: settings.serverPath, args: ['lsp'], transport: TransportKind.stdio };
    return { run: external, debug: external };
  }
  // The server runs with the young generation `dist` itself runs with (a 32 MB semi-space).
  const bundled: NodeModule = { module: context.asAbsolutePath(BUNDLED_SERVER), transport: TransportKind.stdio, options: { execArgv: ['--max-semi-space-size=32'] } };
  return { run: bundled, debug: { ...bundled, options: { execArgv: ['--max-semi-space-size=32', '--nolazy', '--inspect=6009'] } } };
}

/** A client for the current settings, not yet started. The server registers the file watchers it needs. */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, settings: ClientSettings): LanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dist' },
      { scheme: 'untitled', language: 'dist' },
    ],
    outputChannel: output,
  };
  // The server loads the project of its workspace folder: `dist.projectRoot` replaces it.
  if (settings.projectRoot !== '') {
    const uri = vscode.Uri.file(settings.projectRoot);
    clientOptions.workspaceFolder = { uri, name: uri.path.split('/').pop() ?? 'dist', index: 0 };
  }
  return new LanguageClient(CLIENT_ID, 'dist language server', serverOptions(context, settings), clientOptions);
}
