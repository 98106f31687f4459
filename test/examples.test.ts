// Examples are executable (DESIGN.md principle 11): every project under examples/
// checks with no diagnostic at all, is formatted canonically, and passes its suites.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, ROOT } from './helpers/run-dist';

const projects = readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `examples/${entry.name}`);

describe.each(projects)('%s', { timeout: 120_000 }, (project) => {
  it('checks clean', () => {
    const run = dist('check', project);
    expect(run.stdout.trim()).toBe('no problems');
    expect(run.code).toBe(0);
  });

  it('is formatted canonically', () => {
    const run = dist('fmt', '--check', project);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it.skipIf(!existsSync(path.join(ROOT, project, 'tests')))('passes its scenario suites', () => {
    const run = dist('test', project);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(run.code).toBe(0);
  });
});
