// Shared helpers for the SQLite state-store tests: fresh temporary folders, removed after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A path for a new state database in a fresh temporary folder, nested to exercise folder creation. */
export function tempDbPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dist-state-'));
  folders.push(folder);
  return join(folder, '.dist', 'state.db');
}
