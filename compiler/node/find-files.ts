// Finds the `.dist` files under a folder: the one walker behind project loading
// and `dist fmt`. Hidden folders (`.git`, `.dist`, `.archive`…) and `node_modules`
// are skipped; symbolic links to files are followed.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every `*.dist` file under `folder` (relative to `root`), as root-relative paths
 * with `/` separators, sorted by code unit. Folders that cannot be read are
 * passed to `onUnreadable` and skipped.
 */
export async function findDistFiles(root: string, folder: string, onUnreadable: (folder: string) => void = () => {}): Promise<string[]> {
  const found: string[] = [];
  const pending = [folder];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      onUnreadable(dir);
      continue;
    }
    for (const entry of entries) {
      const path = dir === '.' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) pending.push(path);
      } else if (entry.name.endsWith('.dist') && (entry.isFile() || (await isFile(join(root, path))))) found.push(path);
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Hidden folders and installed dependencies hold no rules of the project. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
