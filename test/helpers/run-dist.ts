// Runs the `dist` command line from source as a subprocess (no colour), for the
// end-to-end tests of the CLI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `dist` runs. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `dist ARGS…` in the repository root and returns its exit code and output. */
export function dist(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
