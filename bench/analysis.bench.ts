// Benchmark: the rule analysis (the `analyse` stage: impossible conditions,
// shadowing and overlaps, dry pools) on its own, over the IR of generated
// projects of 1,000 and 10,000 rules, and `dist check --gaps` on the larger one.
// The whole `dist check` budget is 1.5 s; the analysis should be a small part of it.
import { analyseRules } from '../compiler/analysis/analyse-rules';
import { dryPools } from '../compiler/analysis/dry-pools';
import { findGaps } from '../compiler/analysis/gaps';
import { compileProject } from '../compiler/compile';
import { generateProject } from './generate-project';
import { median, report, time } from './measure';

/** Runs the analysis benchmark and prints its figures. */
export async function benchAnalysis(): Promise<void> {
  const rows: [string, string][] = [];
  for (const rules of [1_000, 10_000]) {
    const project = generateProject(rules);
    const { program, directory } = compileProject({ sources: project.sources, directory: project.directory }, { stopAfter: 'lower' });
    if (!program || !directory) throw new Error('the generated project does not compile');
    const times: number[] = [];
    let findings = 0;
    for (let round = 0; round < 6; round++) {
      times.push(time(() => (findings = analyseRules(program).length + dryPools(program, directory).length)));
    }
    if (findings > 0) throw new Error(`the generated project has ${findings} analysis findings; the benchmark needs a clean one`);
    rows.push([`${rules.toLocaleString('en')} rules, first run / warm median`, `${times[0]!.toFixed(0)} ms / ${median(times.slice(1)).toFixed(0)} ms`]);
    if (rules === 10_000) rows.push(['gaps (`dist check --gaps`), 10,000 rules', `${time(() => findGaps(program)).toFixed(0)} ms`]);
  }
  report('analysis: shadowing, overlaps, impossible conditions, dry pools', rows);
}
