// `dist test [PATH…]`: runs scenario suites (TESTING.md) against their projects.
// Each project is compiled once; an invalid suite is reported and the others still
// run. Exit 0 when every case passes, 1 on a failed case, an invalid suite or a
// project that does not compile, 2 on usage or I/O problems.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { noProjectMessage } from '../../compiler/node/project';
import { closest } from '../../language/suggest';
import { CoverageCollector } from '../../scenario/coverage';
import type { SuiteProject } from '../../scenario/load-suite';
import { findSuites, readSuite } from '../../scenario/read-suites';
import { renderJsonReport } from '../../scenario/reporters/json';
import { renderJunitReport } from '../../scenario/reporters/junit';
import { REPORT_FORMATS, type ReportFormat, type RunReport } from '../../scenario/reporters/report';
import { renderTapReport } from '../../scenario/reporters/tap';
import { renderTextReport } from '../../scenario/reporters/text';
import { summarize, type RuleLocator, type SuiteResult } from '../../scenario/results';
import { ruleLocator } from '../../scenario/rule-locator';
import { runSuite } from '../../scenario/run-suite';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, painter, writeError, writeOut } from '../output';
import { compileProjectAt, hasErrors } from '../project';
import { renderText } from '../render-diagnostics';
import { findProjectRoot, type Program } from '../../api';

interface TestOptions {
  format: ReportFormat;
  filter?: string;
  rule?: string;
  coverage?: boolean;
}

const HELP = `
A suite is a YAML file (\`*.test.yaml\`) of cases: events to send, the clock to move,
directory and state to assume, and the decisions to expect (see TESTING.md).
Each suite runs against the project in the nearest folder above it that holds a
\`dist.yaml\` or a \`rules/\` folder. PATH may be a project folder (its tests folder,
default \`tests/\`), a folder of suites, or one suite file; without PATH, the current
project's tests run.

Exit status: 0 all cases pass, 1 a case failed, a suite is invalid or a project does
not compile, 2 usage or I/O problems (for example a missing PATH).

Examples:
  dist test
  dist test examples/seeds --coverage
  dist test tests/inbound.test.yaml --filter "round robin" --format junit > junit.xml
  dist test --rule high-score-web-leads`;

/** Registers `dist test`. */
export function registerTest(program: Command): void {
  program
    .command('test')
    .summary('run scenario suites')
    .description('Runs scenario suites against their projects and reports every case.')
    .argument('[paths...]', 'project folders, folders of suites, or suite files')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
    .option('--filter <text>', 'run only cases whose name contains TEXT (case-insensitive)')
    .option('--rule <id>', 'run only cases that reach the rule with this id (it took the record or was tried on it)')
    .option('--coverage', 'report, per rule and per condition, whether a case exercised it (true and false)')
    .addHelpText('after', HELP)
    .action(async (paths: string[], options: TestOptions) => {
      process.exitCode = await runTests(paths, options);
    });
}

/** A project ready for its suites, or why its suites cannot run. */
type Prepared =
  | { ok: true; program: Program; suiteProject: SuiteProject; locate: RuleLocator; coverage?: CoverageCollector }
  | { ok: false; message: string };

async function runTests(paths: string[], options: TestOptions): Promise<number> {
  const cwd = process.cwd();
  const found = await findSuites(paths, cwd);
  if ('error' in found) {
    writeError(`dist test: ${found.error}`);
    return EXIT_USAGE;
  }
  const projects = new Map<string, Prepared>();
  const suites: SuiteResult[] = [];
  for (const file of found.files) {
    const display = path.relative(cwd, file) || file;
    const invalid = (message: string): SuiteResult => ({ file: display, errors: [{ file: display, line: 1, column: 1, message }], cases: [] });
    const root = await findProjectRoot(path.dirname(file));
    if (!root) {
      suites.push(invalid(noProjectMessage(path.dirname(display) || '.')));
      continue;
    }
    let project = projects.get(root);
    if (!project) {
      project = await prepareProject(root, options.coverage === true);
      projects.set(root, project);
    }
    if (!project.ok) {
      suites.push(invalid(project.message));
      continue;
    }
    const loaded = await readSuite(file, display, project.suiteProject);
    if (loaded === null) {
      suites.push(invalid('cannot read this suite; check its permissions'));
      continue;
    }
    if (!loaded.ok) {
      suites.push({ file: display, errors: loaded.errors, cases: [] });
      continue;
    }
    const run = {
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
      ...(options.rule !== undefined ? { rule: options.rule } : {}),
      ...(project.coverage ? { coverage: project.coverage } : {}),
    };
    suites.push(await runSuite(loaded.suite, project.program, project.locate, run));
  }
  const coverage = [...projects.values()].flatMap((p) => (p.ok && p.coverage ? [p.coverage.report()] : []));
  writeOut(render({ suites, coverage }, options.format));
  const summary = summarize(suites);
  if (options.filter !== undefined && summary.passed + summary.failed === 0) {
    writeError(`dist test: no case name contains \`${options.filter}\`; check the --filter text`);
    return EXIT_FAILURE;
  }
  if (options.rule !== undefined && summary.passed + summary.failed === 0) {
    writeError(`dist test: ${noCaseReaches(options.rule, projects)}`);
    return EXIT_FAILURE;
  }
  return summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** Why `--rule ID` selected no case: no such rule (with the nearest id), or no case reaches it. */
function noCaseReaches(rule: string, projects: ReadonlyMap<string, Prepared>): string {
  const ids = [...projects.values()].flatMap((p) => (p.ok ? p.program.rules.map((r) => r.id) : []));
  if (ids.includes(rule)) return `no case reaches rule \`${rule}\`; add a case whose record the rule is tried on`;
  const near = closest(rule, ids);
  return `no rule has the id \`${rule}\`${near === null ? '' : `; did you mean \`${near}\`?`} (a rule's id is its name in lower case, with \`-\` between words)`;
}

/** Compiles a project once; prints its diagnostics when it has errors. */
async function prepareProject(root: string, coverage: boolean): Promise<Prepared> {
  const compiled = await compileProjectAt(root);
  const shown = compiled.display('.') || '.';
  const program = compiled.result.program;
  if (hasErrors(compiled.diagnostics) || !program) {
    writeError(renderText(compiled.diagnostics, compiled.texts, painter(process.stderr)));
    return { ok: false, message: `the project \`${shown}\` does not compile; fix the errors printed above (\`dist check ${shown}\`)` };
  }
  const files = { text: (file: string) => compiled.texts(compiled.display(file)), display: compiled.display };
  return {
    ok: true,
    program,
    suiteProject: { program, directory: compiled.input.directory?.text ?? null },
    locate: ruleLocator(program, files),
    ...(coverage ? { coverage: new CoverageCollector(shown, program, files) } : {}),
  };
}

function render(report: RunReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJsonReport(report);
    case 'junit':
      return renderJunitReport(report);
    case 'tap':
      return renderTapReport(report);
    default:
      return renderTextReport(report, painter());
  }
}
