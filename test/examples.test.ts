// Examples are executable (DESIGN.md principle 11): every project under examples/
// checks with no error or warning (only the notes examples/README.md documents),
// is formatted canonically, and passes its suites (folders without `rules/`, such
// as github-actions/, are not projects).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, ROOT } from './helpers/run-dist';

const projects = readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, 'examples', entry.name, 'rules')))
  .map((entry) => `examples/${entry.name}`);

/** The notes (info diagnostics) an example is documented to give, as `file:line:column CODE`. */
const NOTES: Record<string, string[]> = {
  'examples/tour': ['examples/tour/rules/marketplace.dist:2:6 DIST405', 'examples/tour/rules/real-estate.dist:2:6 DIST405'],
  'examples/b2b-inbound': ['examples/b2b-inbound/rules/inbound.dist:20:6 DIST405', 'examples/b2b-inbound/rules/inbound.dist:33:6 DIST405'],
};

describe.each(projects)('%s', { timeout: 120_000 }, (project) => {
  it('checks clean', () => {
    const run = dist('check', project, '--format', 'json');
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; code: string; severity: string }[] };
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(NOTES[project] ?? []);
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
