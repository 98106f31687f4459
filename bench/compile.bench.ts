// Benchmark: lex + parse + check (the whole compiler, directory included) of a
// generated 10,000-rule project. Target from issue 2: under 1.5 s on a 2-core machine.
import { compileProject } from '../compiler/compile';
import { parse } from '../language/parse';
import { generateProject } from './generate-project';
import { median, report, time } from './measure';

const TARGET_MS = 1500;

/** Runs the compiler benchmark and prints its figures. */
export async function benchCompile(): Promise<void> {
  const project = generateProject(10_000);
  const bytes = project.sources.reduce((n, s) => n + s.text.length, 0);
  const rounds = 5;
  const parseTimes: number[] = [];
  const checkTimes: number[] = [];
  let diagnostics = 0;
  for (let round = 0; round < rounds; round++) {
    parseTimes.push(time(() => project.sources.forEach((s) => parse(s.text, s.file))));
    checkTimes.push(
      time(() => {
        diagnostics = compileProject({ sources: project.sources, directory: project.directory }).diagnostics.length;
      }),
    );
  }
  if (diagnostics > 0) throw new Error(`the generated project has ${diagnostics} diagnostics; the benchmark needs a clean one`);
  const check = median(checkTimes);
  report('compile: 10,000 rules, 1,000 users', [
    ['source size', `${(bytes / 1e6).toFixed(1)} MB in ${project.sources.length} files`],
    ['lex + parse (median of 5)', `${median(parseTimes).toFixed(0)} ms`],
    ['lex + parse + check + directory (median of 5)', `${check.toFixed(0)} ms`],
    ['rules per second', `${Math.round(10_000 / (check / 1000)).toLocaleString('en')}`],
    ['vs target 1,500 ms', `${(check / TARGET_MS).toFixed(2)}× of the budget`],
  ]);
}
