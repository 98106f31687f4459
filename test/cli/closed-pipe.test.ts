// Output into a pipe that the reader has closed (`dist check --help | head -1`)
// ends the command quietly: no stack trace, no internal error.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';

describe('a closed output pipe', () => {
  it('stops the command without a stack trace', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'check', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the command writes
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at |internal error/);
    expect(code).toBe(0);
  });
});
