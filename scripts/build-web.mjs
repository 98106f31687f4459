// Builds the web pages into build/web/: the dashboard (`/`) and the playground
// (`/playground`), their HTML and CSS, and the workers the playground runs (the
// Monaco editor worker and the .dist language worker). Everything is bundled with
// esbuild from the installed packages, so the pages load nothing from elsewhere.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

/** The package's root folder. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `dist serve` finds the pages (server/web-assets.ts). */
export const WEB_OUT = path.join(ROOT, 'build', 'web');

/** Bundles every page and worker into `out` (default build/web). */
export async function buildWeb({ out = WEB_OUT, minify = true } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(`${out}/assets`, { recursive: true });
  await build({
    entryPoints: {
      dashboard: 'web/dashboard/main.ts',
      playground: 'web/playground/main.ts',
      'editor.worker': 'monaco-editor/editor/editor.worker.js',
      'dist.worker': 'web/playground/language-worker.ts',
      style: 'web/style.css',
    },
    absWorkingDir: ROOT,
    outdir: `${out}/assets`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    loader: { '.ttf': 'file' },
    minify,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const page of ['index.html', 'playground.html']) copyFileSync(path.join(ROOT, 'web', page), path.join(out, page));
}
