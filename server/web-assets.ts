// The built web pages (the dashboard and the playground, build/web/ from
// `npm run build`), read once at start-up into memory and looked up by exact
// path, so no request path ever reaches the file system.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file the pages need, with its content type. */
export interface WebAsset {
  body: Buffer;
  type: string;
}

const TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.ttf', 'font/ttf'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.png', 'image/png'],
]);

/**
 * build/web/ of this package: `../build/web` from both server/ (sources) and
 * build/ (the bundled command), so one path serves either.
 */
export const WEB_ROOT = fileURLToPath(new URL('../build/web/', import.meta.url));

/** Every file under `root` by its URL path (`/assets/dashboard.js`); empty when the pages are not built. */
export function loadWebAssets(root: string = WEB_ROOT): Map<string, WebAsset> {
  const assets = new Map<string, WebAsset>();
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return assets;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(root, file).split(path.sep).join('/')}`;
    assets.set(urlPath, { body: readFileSync(file), type: TYPES.get(path.extname(file)) ?? 'application/octet-stream' });
  }
  return assets;
}
