// Golden outputs of the semantic diff: each folder under test/diff/corpus/ holds
// two versions of a small project (`base/`, `head/`) and the expected diff in
// the three formats beside them (`expected.txt`, `expected.md`, `expected.json`).
// Each case is one kind of change; UPDATE_GOLDEN=1 (`npm run golden`) rewrites them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderDiffMarkdown } from '../../cli/render-diff-markdown';
import { renderDiffText } from '../../cli/render-diff-text';
import { diffProjects, type ProjectVersion } from '../../compiler/diff/project-diff';
import { compileFolder } from '../../compiler/node/compile-folder';

const ROOT = join(import.meta.dirname, 'corpus');
const update = Boolean(process.env.UPDATE_GOLDEN);

function golden(path: string, actual: string): void {
  if (update) writeFileSync(path, actual);
  else expect(actual, `${path} (run npm run golden to refresh)`).toBe(existsSync(path) ? readFileSync(path, 'utf8') : '');
}

async function version(folder: string): Promise<ProjectVersion> {
  const compiled = await compileFolder(folder);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, folder).toEqual([]);
  return { program: compiled.result.program!, directory: compiled.result.directory };
}

describe('dist diff goldens', () => {
  for (const name of readdirSync(ROOT).sort()) {
    test(name, async () => {
      const dir = join(ROOT, name);
      const diff = diffProjects(await version(join(dir, 'base')), await version(join(dir, 'head')));
      golden(join(dir, 'expected.txt'), `${renderDiffText(diff, (_style, text) => text)}\n`);
      golden(join(dir, 'expected.md'), `${renderDiffMarkdown(diff)}\n`);
      golden(join(dir, 'expected.json'), `${JSON.stringify(diff, null, 2)}\n`);
      expect(diff.summary.unchanged).toBe(name === 'unchanged');
    });
  }

  test('a version compared with itself has no changes', async () => {
    for (const name of readdirSync(ROOT)) {
      const head = await version(join(ROOT, name, 'head'));
      expect(diffProjects(head, head).summary.unchanged, name).toBe(true);
    }
  });
});
