// The import graph has one direction (DESIGN.md): language → compiler → runtime →
// api → the hosts (scenario, server, lsp, web) → cli. A module imports only from
// its own folder or from folders before it; hosts do not import each other, and
// only the CLI sits on top of them. The one exception: the playground (web/) runs
// the pure language service (lsp/service/) in its worker, as DESIGN.md shows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-dist';

const RANK = new Map([
  ['language', 0],
  ['compiler', 1],
  ['runtime', 2],
  ['api', 3],
  ['scenario', 4],
  ['server', 4],
  ['lsp', 4],
  ['web', 4],
  ['cli', 5],
]);

function sources(): string[] {
  const files: string[] = [];
  for (const folder of RANK.keys()) {
    let entries;
    try {
      entries = readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile() && /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
      }
    }
  }
  return files;
}

const topFolder = (file: string) => file.split('/')[0]!;

describe('the import graph', () => {
  const files = sources();

  it('covers the library and the hosts', () => {
    expect(files.some((f) => f.startsWith('language/'))).toBe(true);
    expect(files.some((f) => f.startsWith('server/'))).toBe(true);
  });

  it('points one way only', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = topFolder(file);
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
        const to = topFolder(target);
        if (to === from || !RANK.has(to)) continue;
        const ok = RANK.get(to)! < RANK.get(from)! || (from === 'web' && target.startsWith('lsp/service/'));
        if (!ok) wrong.push(`${file} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
