// Benchmark: the language server over stdio, as an editor sees it. A generated
// project is written to a temporary folder and the real server (`cli/lsp-main.ts
// --stdio`) is driven by a JSON-RPC client: the time from a one-character edit in
// one file of a 1,000-rule project to its diagnostics (target ≤ 50 ms), a
// completion (≤ 20 ms), and the server's resident memory with 10,000 rules loaded.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateProject } from './generate-project';
import { figure, median, report } from './measure';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The first generated rules file (100 rules). */
const RULES_FILE = 'rules/generated-0000.dist';

/** Writes a generated project of `rules` rules to a new folder. */
function writeProject(rules: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dist-lsp-bench-'));
  const project = generateProject(rules);
  writeFileSync(path.join(folder, 'dist.yaml'), 'rules: rules\n');
  for (const source of project.sources) {
    mkdirSync(path.dirname(path.join(folder, source.file)), { recursive: true });
    writeFileSync(path.join(folder, source.file), source.text);
  }
  writeFileSync(path.join(folder, project.directory.file), project.directory.text);
  return folder;
}

interface Server {
  pid: number;
  request<T>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): Promise<void>;
  /** The next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<unknown[]>;
  stop(): Promise<void>;
}

async function startServer(folder: string): Promise<Server> {
  const child = spawn(process.execPath, [...process.execArgv.filter((flag) => flag.startsWith('--max-semi-space-size')), '--import', 'tsx', 'cli/lsp-main.ts', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, (d: unknown[]) => void>();
  rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    waiting.get(p.uri)?.(p.diagnostics);
    waiting.delete(p.uri);
  });
  rpc.listen();
  const rootUri = pathToFileURL(folder).href;
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {} });
  await rpc.sendNotification('initialized', {});
  return {
    pid: child.pid!,
    request: (method, params) => rpc.sendRequest(method, params),
    notify: (method, params) => rpc.sendNotification(method, params),
    nextDiagnostics: (uri) => new Promise((resolve) => waiting.set(uri, resolve)),
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await rpc.sendRequest('shutdown');
      await rpc.sendNotification('exit');
      await exited;
    },
  };
}

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function editLatency(): Promise<[string, string][]> {
  const folder = writeProject(1000);
  try {
    const server = await startServer(folder);
    const file = path.join(folder, RULES_FILE);
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const first = server.nextDiagnostics(uri);
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dist', version: 1, text } });
    await first;
    const edits: number[] = [];
    const completions: number[] = [];
    const at = text.indexOf('lead.score') + 'lead.'.length;
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at - 1) - 1;
    const typo = text.indexOf('lead.score') + 'lead.scor'.length;
    const [typoLine, typoChar] = [text.slice(0, typo).split('\n').length - 1, typo - text.lastIndexOf('\n', typo - 1) - 1];
    const breaking: number[] = [];
    const fixing: number[] = [];
    const typing: number[] = [];
    const send = async (version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, letter: string, into: number[]) => {
      const published = server.nextDiagnostics(uri);
      const t0 = performance.now();
      await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: letter }] });
      await published;
      into.push(performance.now() - t0);
      const c0 = performance.now();
      await server.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      completions.push(performance.now() - c0);
    };
    const point = (offset: number) => ({ line: typoLine, character: typoChar + offset });
    for (let i = 0; i < 30; i++) {
      // One character replaced: `lead.score` ↔ `lead.scorx`, so every edit changes the diagnostics (and they are published).
      await send(i + 2, { start: point(0), end: point(1) }, i % 2 === 0 ? 'x' : 'e', i % 2 === 0 ? breaking : fixing);
    }
    for (let i = 0; i < 30; i++) {
      // Typing and deleting: `lead.score` ↔ `lead.scorxe`, so the rest of the file moves.
      await send(i + 32, i % 2 === 0 ? { start: point(0), end: point(0) } : { start: point(0), end: point(1) }, i % 2 === 0 ? 'x' : '', typing);
    }
    edits.push(...breaking, ...fixing);
    await server.stop();
    figure('lsp.1000-rules.edit-to-diagnostics.median', median(edits), 'ms');
    figure('lsp.1000-rules.edit-to-diagnostics.worst', Math.max(...edits), 'ms');
    figure('lsp.1000-rules.typing-to-diagnostics.median', median(typing), 'ms');
    figure('lsp.1000-rules.typing-to-diagnostics.worst', Math.max(...typing), 'ms');
    figure('lsp.1000-rules.completion.median', median(completions), 'ms');
    figure('lsp.1000-rules.completion.worst', Math.max(...completions), 'ms');
    return [
      ['one-character edit → diagnostics, 1,000 rules: introducing an error, median', `${median(breaking).toFixed(0)} ms`],
      ['… fixing it again (the whole check with analysis), median', `${median(fixing).toFixed(0)} ms`],
      ['… all edits, median / worst', `${median(edits).toFixed(0)} ms / ${Math.max(...edits).toFixed(0)} ms (target ≤ 50 ms)`],
      ['a character typed or deleted (the rest of the file moves), median / worst', `${median(typing).toFixed(0)} ms / ${Math.max(...typing).toFixed(0)} ms (target ≤ 50 ms)`],
      ['completion after `lead.`, median / worst', `${median(completions).toFixed(1)} ms / ${Math.max(...completions).toFixed(1)} ms (target ≤ 20 ms)`],
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function memory(): Promise<[string, string][]> {
  const folder = writeProject(10_000);
  try {
    const server = await startServer(folder);
    const file = path.join(folder, RULES_FILE);
    const uri = pathToFileURL(file).href;
    const first = server.nextDiagnostics(uri);
    const t0 = performance.now();
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dist', version: 1, text: readFileSync(file, 'utf8') } });
    await first;
    const loaded = performance.now() - t0;
    const rss = rssMb(server.pid);
    await server.stop();
    figure('lsp.10000-rules.open-to-diagnostics', loaded, 'ms');
    figure('lsp.10000-rules.resident-memory', rss, 'MB');
    return [
      ['10,000 rules: open → first diagnostics', `${(loaded / 1000).toFixed(1)} s`],
      ['10,000 rules: server resident memory', `${rss.toFixed(0)} MB`],
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the language-server benchmark and prints its figures. */
export async function benchLsp(): Promise<void> {
  report('language server over stdio', [...(await editLatency()), ...(await memory())]);
}
