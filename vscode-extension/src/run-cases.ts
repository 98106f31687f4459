// The `dist.runRuleCases` and `dist.runAllCases` commands: run `dist test` in the
// project of the active `.dist` file, for one rule (the cases that reach it) or for
// every case, in a terminal named "dist test". The language server's code lens
// above each rule calls `dist.runRuleCases` with the rule id.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { casesCommandLine, distExecutable, ruleAtLine } from './cases-command';
import { projectRoot } from './project-root';

const TERMINAL_NAME = 'dist test';

/** The project folder of a document, or of the first workspace folder when there is no document. */
function rootFor(document: vscode.TextDocument | undefined): string | null {
  const config = vscode.workspace.getConfiguration('dist', document?.uri);
  const folder = (document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0])?.uri.fsPath ?? null;
  const file = document?.uri.scheme === 'file' ? document.uri.fsPath : folder === null ? null : `${folder}/.`;
  if (file === null) return null;
  return projectRoot(file, config.get<string>('projectRoot', ''), folder, existsSync);
}

/** Runs `dist test`, for `rule` or for every case, in the "dist test" terminal. */
export function runCases(rule: string | null): void {
  const document = vscode.window.activeTextEditor?.document;
  const root = rootFor(document?.languageId === 'dist' ? document : undefined);
  if (root === null) {
    void vscode.window.showErrorMessage('No dist project found: open a .dist file inside a folder holding dist.yaml or rules/, or set dist.projectRoot.');
    return;
  }
  const serverPath = vscode.workspace.getConfiguration('dist').get<string>('server.path', '');
  const line = casesCommandLine(distExecutable(serverPath, root, existsSync), root, rule);
  vscode.window.terminals.find((t) => t.name === TERMINAL_NAME)?.dispose();
  const terminal = vscode.window.createTerminal({ name: TERMINAL_NAME, cwd: line.cwd, shellPath: line.command, shellArgs: line.args });
  terminal.show(true);
}

/**
 * `dist.runRuleCases [ruleId]`: the rule named by the argument (from a code lens),
 * else the rule the cursor is in.
 */
export function runRuleCases(rule?: unknown): void {
  if (typeof rule === 'string' && rule !== '') return runCases(rule);
  const editor = vscode.window.activeTextEditor;
  const id = editor?.document.languageId === 'dist' ? ruleAtLine(editor.document.getText(), editor.selection.active.line) : null;
  if (id === null) {
    void vscode.window.showInformationMessage('Place the cursor inside a rule to run the scenario cases that reach it.');
    return;
  }
  runCases(id);
}
