// `dist diff BASE HEAD`: what a change to the rules means before it merges, in
// the manner of `terraform plan -detailed-exitcode`. BASE and HEAD are project
// folders or git refs; the semantic diff is the library's (compiler/diff), the
// reading of versions is cli/diff-versions.ts. Exit 0 no change, 2 changes,
// 1 errors of any kind (a version that does not compile, a bad ref or flag).
import { Option, type Command } from 'commander';
import { diffProjects, type ProjectDiff } from '../../compiler/diff/project-diff';
import { loadVersion } from '../diff-versions';
import { painter, writeError, writeOut } from '../output';
import { UsageError } from '../project';
import { renderDiffMarkdown } from '../render-diff-markdown';
import { renderDiffText } from '../render-diff-text';

/** `dist diff` exit codes (terraform plan's `-detailed-exitcode`). */
export const DIFF_EXIT = { unchanged: 0, error: 1, changed: 2 } as const;

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface DiffOptions {
  format: Format;
  project: string;
}

const HELP = `
BASE and HEAD are each a project folder or a git ref of the repository around the
working folder (a branch, tag or commit: \`origin/main\`, \`HEAD~1\`); a ref is read
with git, without a checkout, and \`--project\` says where the project lies in it.

Rules are matched by stable id, then by name, then as renames by their clauses.
The diff lists rules added and removed, and for changed rules every clause whose
meaning changed (conditions as the formatter writes them), priority moves with the
rules they now overtake, pool members gained and lost through directory changes,
settings, and analysis findings (shadowed rules, impossible conditions, overlaps,
dry pools) that appeared or went away.

Exit status (as \`terraform plan -detailed-exitcode\`): 0 no change, 2 changes,
1 an error (a version that does not compile, an unknown ref, a bad option).

Examples:
  dist diff origin/main HEAD
  dist diff main HEAD --project examples/tour --format markdown > comment.md
  dist diff ./before ./after --format json`;

/** Registers `dist diff`. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .summary('show what a rule change means')
    .description('Compares two versions of a project and prints what changed in meaning.')
    .argument('<base>', 'the version before: a project folder or a git ref')
    .argument('<head>', 'the version after: a project folder or a git ref')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--project <path>', 'with git refs: the project folder within the repository, relative to the working folder', '.')
    .addHelpText('after', HELP)
    .exitOverride((error) => {
      throw Object.assign(error, { exitCode: error.exitCode === 0 ? 0 : DIFF_EXIT.error, keepExitCode: true });
    })
    .action(async (base: string, head: string, options: DiffOptions) => {
      process.exitCode = await runDiff(base, head, options);
    });
}

async function runDiff(baseSpec: string, headSpec: string, options: DiffOptions): Promise<number> {
  try {
    const base = await loadVersion(baseSpec, options.project);
    const head = await loadVersion(headSpec, options.project);
    if (!base || !head) return DIFF_EXIT.error;
    const diff = diffProjects(base.version, head.version);
    writeOut(render(diff, options.format));
    return diff.summary.unchanged ? DIFF_EXIT.unchanged : DIFF_EXIT.changed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`dist diff: ${error.message}`);
    return DIFF_EXIT.error;
  }
}

function render(diff: ProjectDiff, format: Format): string {
  if (format === 'json') return JSON.stringify(diff, null, 2);
  if (format === 'markdown') return renderDiffMarkdown(diff);
  return renderDiffText(diff, painter());
}
