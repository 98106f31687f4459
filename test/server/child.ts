// `dist serve` as a child process, for the tests that kill it: the CLI bundled
// once with esbuild, with the SQLite store's worker beside it (starting the
// bundle is much faster than going through tsx), spawned on 127.0.0.1 with --port 0, and ready once it logs `listening on`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** Bundles cli/main.ts, with the SQLite store's worker beside it, next to node_modules (so its packages resolve); returns the CLI's file. */
export async function bundleCli(): Promise<string> {
  const folder = path.join(REPO, 'node_modules', '.cache', `dist-serve-test-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  await build({
    entryPoints: { dist: path.join(REPO, 'cli', 'main.ts'), 'sqlite-worker': path.join(REPO, 'runtime', 'state', 'sqlite-worker.ts') },
    outdir: folder,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return path.join(folder, 'dist.mjs');
}

/** A running `dist serve` child. */
export interface ServeChild {
  url: string;
  child: ChildProcess;
  /** Its stdout, line by line. */
  lines: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Starts `dist serve ROOT --port 0` (plus `args`) and waits until it listens. */
export async function spawnServe(bundle: string, root: string, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): Promise<ServeChild> {
  const child = spawn(process.execPath, [bundle, 'serve', root, '--host', '127.0.0.1', '--port', '0', ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const match = /listening on (http:\/\/[^"\s]+)/.exec(line);
        if (match) resolve(match[1] as string);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then((code) => reject(new Error(`dist serve exited with ${code} before listening: ${stderr}`)));
  });
  return { url, child, lines, exited };
}
