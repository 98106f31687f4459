// Packaging the extension: `npm run package:vscode` runs once (esbuild bundles and
// vsce, offline) and the .vsix it writes is opened as the zip it is: it holds the
// manifest, both bundles, the grammar, the snippets and the documents; the client
// bundle needs nothing but VS Code and Node; the server bundle, copied out of the
// archive alone, answers `initialize` over stdio as a language server.
import { spawn, execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';
import { zipEntries, zipRead } from './zip';

const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'vscode-extension/package.json'), 'utf8')) as { name: string; version: string; main: string };
const VSIX = path.join(ROOT, 'build', `${MANIFEST.name}-${MANIFEST.version}.vsix`);
const HAS_SERVER = existsSync(path.join(ROOT, 'lsp/main.ts'));

/** Sends one JSON-RPC message with LSP framing. */
function send(stdin: NodeJS.WritableStream, message: object): void {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Reads framed JSON-RPC messages from a stream until `stop` returns true for one. */
function readUntil(stdout: NodeJS.ReadableStream, stop: (message: { id?: number; result?: unknown }) => boolean): Promise<{ id?: number; result?: unknown }> {
  let buffer = Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.toString('ascii', 0, headerEnd))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.toString('utf8', headerEnd + 4, headerEnd + 4 + length)) as { id?: number; result?: unknown };
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (stop(message)) resolve(message);
      }
    });
    stdout.on('end', () => reject(new Error('the server closed its output before answering')));
  });
}

describe.skipIf(!HAS_SERVER)('the packaged extension', () => {
  let zip: Buffer;
  let names: string[];
  const scratch = mkdtempSync(path.join(tmpdir(), 'dist-vsix-'));

  beforeAll(() => {
    rmSync(VSIX, { force: true });
    execFileSync(process.execPath, ['scripts/vscode-package.mjs'], { cwd: ROOT, stdio: 'pipe' });
    zip = readFileSync(VSIX);
    names = zipEntries(zip).map((e) => e.name);
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds the manifest, the bundles, the grammar, the snippets and the documents, and nothing else of the sources', () => {
    expect(names).toEqual(expect.arrayContaining([
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/out/extension.js',
      'extension/out/server.mjs',
      'extension/syntaxes/dist.tmLanguage.json',
      'extension/syntaxes/dist.markdown.tmLanguage.json',
      'extension/snippets/dist.json',
      'extension/language-configuration.json',
      'extension/icon.png',
      'extension/readme.md',
      'extension/LICENSE.txt',
    ]));
    expect(names.filter((n) => /\.ts$|node_modules\/|\/src\//.test(n))).toEqual([]);
  });

  it('packs the manifest and grammar as committed', () => {
    expect(JSON.parse(zipRead(zip, 'extension/package.json').toString('utf8'))).toMatchObject({ name: 'dist', main: MANIFEST.main });
    expect(zipRead(zip, 'extension/syntaxes/dist.tmLanguage.json').toString('utf8')).toBe(readFileSync(path.join(ROOT, 'vscode-extension/syntaxes/dist.tmLanguage.json'), 'utf8'));
  });

  it('has a client bundle that needs only vscode and Node built-ins', () => {
    const client = zipRead(zip, 'extension/out/extension.js').toString('utf8');
    const required = new Set([...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...required].filter((m) => m !== 'vscode' && !builtins.has(m))).toEqual([]);
    expect(required.has('vscode')).toBe(true);
  });

  it('has a server bundle that, alone outside the repository, answers initialize over stdio', async () => {
    const server = path.join(scratch, 'server.mjs');
    writeFileSync(server, zipRead(zip, 'extension/out/server.mjs'));
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: scratch, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const answered = readUntil(child.stdout, (m) => m.id === 1);
    send(child.stdin, { id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } });
    const reply = (await answered) as { result: { capabilities: Record<string, unknown> } };
    expect(reply.result.capabilities).toHaveProperty('textDocumentSync');
    send(child.stdin, { id: 2, method: 'shutdown' });
    send(child.stdin, { method: 'exit' });
    expect(await exited).toBe(0);
  }, 30_000);
});
