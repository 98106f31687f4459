// Packages the VS Code extension: bundles the client (vscode-extension/src/extension.ts
// → out/extension.js) and the language server (cli/lsp-main.ts → out/server.mjs) with
// esbuild, then runs vsce offline (`--no-dependencies`: the bundles hold every
// dependency) into build/dist-<version>.vsix. `npm run package:vscode`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const extension = path.join(root, 'vscode-extension');
const server = path.join(root, 'cli', 'lsp-main.ts');
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning' };

if (!existsSync(server)) {
  process.stderr.write(`error: ${path.relative(root, server)} not found: the language server is needed to package the extension\n`);
  process.exit(1);
}

await build({
  ...common,
  entryPoints: [path.join(extension, 'src', 'extension.ts')],
  outfile: path.join(extension, 'out', 'extension.js'),
  format: 'cjs',
  external: ['vscode'],
});
await build({
  ...common,
  entryPoints: [server],
  outfile: path.join(extension, 'out', 'server.mjs'),
  format: 'esm',
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

const { version } = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8'));
const out = path.join(root, 'build', `dist-${version}.vsix`);
mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  cwd: extension,
  stdio: 'inherit',
});
