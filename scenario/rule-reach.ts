// How many scenario cases reach each rule of a project (the rule took a record of
// the case or was tried on one, as `dist test --rule` selects them): the suites of
// the project's tests folder run against a compiled program, and each case counts
// once per rule it reached. The language server shows the counts in its code lens.
import path from 'node:path';
import type { SuiteProject } from './load-suite';
import { findSuites, readSuite } from './read-suites';
import { runSuite } from './run-suite';

/**
 * Runs the suites of the project at `root` against `project` and counts the cases
 * that reach each rule; rules that no case reaches are absent. Suites that do not
 * load are left out. `between` is awaited before each case so that a host stays
 * responsive.
 */
export async function caseCountsByRule(root: string, project: SuiteProject, between?: () => Promise<void>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const found = await findSuites([root], root);
  for (const file of 'files' in found ? found.files : []) {
    const loaded = await readSuite(file, path.relative(root, file), project);
    if (loaded === null || !loaded.ok) continue;
    const result = await runSuite(loaded.suite, project.program, () => null, { reached: true, ...(between ? { between } : {}) });
    for (const c of result.cases) for (const id of c.reached ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
