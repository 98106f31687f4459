// Builds the package into build/: the `dist` command line (build/dist.mjs), the
// language server (build/lsp.mjs, `node build/lsp.mjs --stdio`), the
// library entries `dist-rules` and `dist-rules/core` (build/api/*.mjs), the SQLite
// store's worker thread (build/sqlite-worker.mjs), bundled
// with esbuild with dependencies left external, and their TypeScript
// declarations (build/types) from tsc, and the web pages `dist serve` serves
// (build/web, scripts/build-web.mjs).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';
import { build } from 'esbuild';
import { buildWeb } from './build-web.mjs';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

// A 32 MB young-generation semi-space: a check of a large project allocates much short-lived
// data, and the default (16 MB) promotes and scavenges far more (a 10,000-rule check runs 0.85×).
await build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'build/dist.mjs', banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=32' } });
await build({ ...common, entryPoints: ['cli/lsp-main.ts'], outfile: 'build/lsp.mjs' });
// The SQLite store's worker thread, found next to build/dist.mjs and one folder above build/api/.
await build({ ...common, entryPoints: ['runtime/state/sqlite-worker.ts'], outfile: 'build/sqlite-worker.mjs' });
await build({ ...common, entryPoints: { index: 'api/index.ts', core: 'api/core.ts' }, outdir: 'build/api', outExtension: { '.js': '.mjs' } });
await buildWeb();

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
