// Counting the cases that reach each rule (the code lens's figures) agrees with
// `dist test --rule ID`'s selection, rule by rule, over every example project.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../../api';
import { findSuites, readSuite } from '../../scenario/read-suites';
import { caseCountsByRule } from '../../scenario/rule-reach';
import { runSuite } from '../../scenario/run-suite';
import { ROOT } from '../helpers/run-dist';

const examples = readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && readdirSync(path.join(ROOT, 'examples', e.name)).includes('tests'))
  .map((e) => path.join(ROOT, 'examples', e.name));

describe('cases reaching each rule', () => {
  it.each(examples.map((e) => [path.basename(e), e]))('in %s equal what --rule selects', async (_name, root) => {
    const compiled = await compileFolder(root);
    const program = compiled.result.program!;
    const project = { program, directory: compiled.input.directory?.text ?? null };
    let yielded = 0;
    const counts = await caseCountsByRule(root, project, async () => void yielded++);

    const found = await findSuites([root], root);
    const suites = 'files' in found ? found.files : [];
    const selected = new Map<string, number>();
    let cases = 0;
    for (const file of suites) {
      const loaded = await readSuite(file, file, project);
      if (!loaded?.ok) continue;
      cases += loaded.suite.cases.length;
      for (const rule of program.rules) {
        const run = await runSuite(loaded.suite, program, () => null, { rule: rule.id });
        if (run.cases.length > 0) selected.set(rule.id, (selected.get(rule.id) ?? 0) + run.cases.length);
      }
    }
    expect(counts).toEqual(selected);
    expect(counts.size).toBeGreaterThan(0);
    expect(yielded).toBe(cases);
  }, 120_000);
});
