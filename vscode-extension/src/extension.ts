// The entry point of the dist extension for VS Code: starts the language client,
// registers the commands (restart the server, run scenario cases, show the output)
// and restarts the server when its settings change. Everything the editor shows
// about `.dist` files beyond highlighting and snippets comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient, readSettings } from './client';
import { runCases, runRuleCases } from './run-cases';

let client: LanguageClient | undefined;

async function start(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, status: vscode.LanguageStatusItem): Promise<void> {
  const settings = readSettings();
  status.text = settings.serverPath === '' ? 'dist: bundled server' : `dist: ${settings.serverPath}`;
  status.severity = vscode.LanguageStatusSeverity.Information;
  client = createClient(context, output, settings);
  try {
    await client.start();
  } catch (error) {
    status.severity = vscode.LanguageStatusSeverity.Error;
    const message = error instanceof Error ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(`The dist language server did not start: ${message}`, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'dist.server.path');
    if (choice === 'Show Output') output.show(true);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
  await running?.dispose();
}

/** Called by VS Code when a `.dist` file opens or a folder holds `dist.yaml`. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('dist', { log: true });
  const status = vscode.languages.createLanguageStatusItem('dist.server', { language: 'dist' });
  status.name = 'dist language server';
  status.command = { title: 'Restart', command: 'dist.restartServer' };
  const restart = async () => {
    await stop();
    await start(context, output, status);
  };
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('dist.restartServer', restart),
    vscode.commands.registerCommand('dist.runRuleCases', runRuleCases),
    vscode.commands.registerCommand('dist.runAllCases', () => runCases(null)),
    vscode.commands.registerCommand('dist.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dist.server.path') || event.affectsConfiguration('dist.projectRoot')) void restart();
    }),
  );
  await start(context, output, status);
}

/** Called by VS Code on shutdown: stops the server. */
export function deactivate(): Promise<void> {
  return stop();
}
