// The library core is browser-safe: every module of language/, compiler/ (but its
// node/ edge) and runtime/ (but the database stores and the store opener), and
// the `dist-rules/core` entry, bundle with esbuild for the browser platform,
// where any import of a Node.js built-in fails the build.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';

/** Files that may use Node.js: reading projects from disk, the SQLite and PostgreSQL stores and the URL opener. */
const NODE_EDGE = [/^compiler\/node\//, /^runtime\/state\/sqlite-/, /^runtime\/state\/postgres-/, /^runtime\/state\/open-store\.ts$/];

function coreModules(): string[] {
  const files: string[] = [];
  for (const folder of ['language', 'compiler', 'runtime']) {
    for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (!NODE_EDGE.some((edge) => edge.test(file))) files.push(file);
    }
  }
  return files.sort();
}

describe('the library core in a browser bundle', () => {
  it('imports no Node.js built-in', { timeout: 60_000 }, async () => {
    const modules = [...coreModules(), 'api/core.ts'];
    expect(modules).toContain('compiler/compile.ts');
    expect(modules).toContain('runtime/engine.ts');
    const result = await build({
      stdin: { contents: modules.map((m) => `import * as m${modules.indexOf(m)} from './${m}'; void m${modules.indexOf(m)};`).join('\n'), resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    }).catch((error: { errors?: { text: string; location?: { file: string } | null }[] }) => ({ failed: (error.errors ?? []).map((e) => `${e.location?.file ?? "?"}: ${e.text}`) }));
    expect('failed' in result ? result.failed : []).toEqual([]);
    if ('metafile' in result) {
      const inputs = Object.keys(result.metafile!.inputs);
      expect(inputs.filter((input) => /^node:|^(fs|path|os|crypto|child_process)$/.test(input))).toEqual([]);
    }
  });
});
