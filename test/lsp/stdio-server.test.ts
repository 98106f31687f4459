// The real language server, spawned over stdio and driven by a JSON-RPC client:
// initialize → didOpen → publishDiagnostics → didChange → completion → hover →
// formatting → codeAction → rename → codeLens → shutdown → exit, on a project
// written to a temporary folder with a scenario suite.
// Both entry points are tried: `cli/lsp-main.ts --stdio` and `dist lsp --stdio`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers/run-dist';
import { DIRECTORY, SCHEMA, WEB } from './fixtures';

interface Published {
  uri: string;
  diagnostics: { code: string; message: string; range: { start: { line: number } } }[];
}

/** A spawned server with a client connection and every diagnostics notification it sent. */
class Session {
  readonly child: ChildProcess;
  readonly rpc: MessageConnection;
  private readonly waiting: Array<{ match: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  stderr = '';
  /** How many times the server asked the client to refresh its code lenses. */
  lensRefreshes = 0;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.rpc = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const i = this.waiting.findIndex((w) => w.match(p));
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(p);
    });
    this.rpc.onNotification('window/showMessage', () => {});
    this.rpc.onRequest('client/registerCapability', () => null);
    this.rpc.onRequest('workspace/codeLens/refresh', () => void this.lensRefreshes++);
    this.rpc.listen();
  }

  /** The next diagnostics notification that `match` accepts. */
  diagnostics(match: (p: Published) => boolean): Promise<Published> {
    return new Promise((resolve) => this.waiting.push({ match, resolve }));
  }

  /** Sends shutdown and exit, and resolves with the exit code. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    await this.rpc.sendRequest('shutdown');
    await this.rpc.sendNotification('exit');
    return exited;
  }
}

let folder: string;
let rootUri: string;
const fileUri = (file: string) => `${rootUri}/${file}`;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'dist-lsp-'));
  mkdirSync(path.join(folder, 'rules'));
  writeFileSync(path.join(folder, 'dist.yaml'), 'rules: rules\n');
  writeFileSync(path.join(folder, 'rules/schema.dist'), SCHEMA);
  writeFileSync(path.join(folder, 'rules/web.dist'), WEB);
  writeFileSync(path.join(folder, 'directory.yaml'), DIRECTORY);
  mkdirSync(path.join(folder, 'tests'));
  writeFileSync(path.join(folder, 'tests/web.test.yaml'), SUITE);
  rootUri = pathToFileURL(folder).href;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SUITE = `now: "2026-03-02T10:00:00"
cases:
  - name: a web lead goes to Ana
    steps:
      - event: lead.created
        record: { source: web, score: 80 }
        expect: { assigned: [ana@acme.test] }
  - name: a phone lead is not a web lead
    steps:
      - event: lead.created
        record: { source: phone, score: 80 }
`;

const OTHER = 'rule "Phone leads" {\n  priority 10\n  on lead.created\n  when lead.source == "phone"\n  assign users "bob@acme.test"\n  distribute round_robin\n}\n';

async function drive(args: string[]): Promise<void> {
  const s = new Session(args);
  const capabilities = { workspace: { codeLens: { refreshSupport: true } } };
  const init = (await s.rpc.sendRequest('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: [{ uri: rootUri, name: 'p' }] })) as {
    capabilities: { completionProvider?: unknown; hoverProvider?: boolean };
  };
  expect(init.capabilities.hoverProvider).toBe(true);
  await s.rpc.sendNotification('initialized', {});

  // A new file whose priority clashes with web.dist: the later rule, in web.dist, is told.
  const uri = fileUri('rules/phone.dist');
  const web = fileUri('rules/web.dist');
  const clash = s.diagnostics((p) => p.uri === web && p.diagnostics.length > 0);
  await s.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dist', version: 1, text: OTHER } });
  expect((await clash).diagnostics.map((d) => d.code)).toEqual(['DIST309']);

  const cleared = s.diagnostics((p) => p.uri === web && p.diagnostics.length === 0);
  await s.rpc.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 13 } }, text: '20' }],
  });
  await cleared;

  const items = (await s.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 12 } })) as { label: string }[];
  expect(items.map((i) => i.label)).toEqual(['id', 'owner', 'score', 'source', 'city']);

  const hover = (await s.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } })) as { contents: { value: string } };
  expect(hover.contents.value).toBe('`lead.source: choice("web", "phone", "partner")`\n\ndeclared in `schema lead`');

  await s.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'rule "Phone leads" {\npriority 20\n    on lead.created\n}' }] });
  const edits = (await s.rpc.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as { newText: string }[];
  expect(edits.map((e) => e.newText)).toEqual(['rule "Phone leads" {\n  priority 20\n  on lead.created\n}\n']);

  const typo = 'rule "Phone leads" {\n  priority 20\n  on lead.created\n  when lead.sorce == "phone"\n  assign anyone\n  distribute random\n}\n';
  const misspelt = s.diagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'DIST102'));
  await s.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: typo }] });
  const [diagnostic] = (await misspelt).diagnostics;
  const actions = (await s.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } })) as {
    title: string;
    edit: { changes: Record<string, { newText: string }[]> };
  }[];
  expect(actions.map((a) => [a.title, a.edit.changes[uri]?.map((e) => e.newText)])).toEqual([['change to `source`', ['source']]]);

  const renamed = (await s.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 8 }, newName: 'Calls' })) as {
    changes: Record<string, { newText: string }[]>;
  };
  expect(renamed.changes[uri]?.map((e) => e.newText)).toEqual(['"Calls"', '  id "phone-leads"\n']);

  // The code lens counts the cases that reach each rule: both web cases reach the web
  // rule (the phone lead is tried on it). A suite written to disk is counted in, over
  // the project as edited (the open phone rule, fixed).
  await s.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: OTHER.replace('priority 10', 'priority 20') }] });
  writeFileSync(path.join(folder, 'tests/phone.test.yaml'), SUITE.replace('a web lead goes to Ana', 'a phone lead'));
  const lensesOf = async (file: string) =>
    ((await s.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: file } })) as { command: { title: string; arguments?: unknown[] } }[]).map((l) => [
      l.command.title,
      l.command.arguments,
    ]);
  const expected = { [web]: [['▶ Run 4 cases', ['web-leads']]], [uri]: [['▶ Run 2 cases', ['phone-leads']]] };
  const lenses = async () => ({ [web]: await lensesOf(web), [uri]: await lensesOf(uri) });
  for (let tries = 0; tries < 100 && JSON.stringify(await lenses()) !== JSON.stringify(expected); tries++) await new Promise((r) => setTimeout(r, 200));
  expect(await lenses()).toEqual(expected);
  expect(s.lensRefreshes).toBeGreaterThan(0);

  expect(await s.close()).toBe(0);
  expect(s.stderr).toBe('');
}

describe('the language server over stdio', () => {
  it('runs a whole session through cli/lsp-main.ts --stdio', () => drive(['cli/lsp-main.ts', '--stdio']), 120_000);
  it('runs the same session through dist lsp --stdio', () => drive(['cli/main.ts', 'lsp', '--stdio']), 120_000);
});
