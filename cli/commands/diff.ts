// `dist diff BASE HEAD`: what a change to the rules means before it merges, in
// the manner of `terraform plan -detailed-exitcode`. BASE and HEAD are project
// folders or git refs; the semantic diff is the library's (compiler/diff), the
// reading of versions is cli/diff-versions.ts. Exit 0 no change, 2 changes,
// 1 errors of any kind (a version that does not compile, a bad ref or flag).
import { Option, type Command } from 'commander';
import { diffProjects, type ProjectDiff, type ProjectVersion } from '../../compiler/diff/project-diff';
import { eventClock, replayEvents, type ReplayReport } from '../../runtime/replay';
import { emptyDirectory } from '../../api';
import { readReplayFile } from '../replay-input';
import { renderReplayMarkdown, renderReplayText } from '../render-replay';
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
  replay?: string;
  examples: string;
}

/** Replays longer than this show a progress bar on a terminal's stderr. */
const PROGRESS_FROM = 5000;

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

With --replay FILE (NDJSON: one event a line, or a decision log from
\`dist export-log\`), every event is decided under both versions, each from a fresh
memory state, in file order, at the event's own time (\`at\`, or a log entry's
\`decided_at\`); the report counts events that change rule, outcome or assignees,
tabulates where records went before and after, and shows examples with both
explain traces. A terminal's stderr shows progress for long replays.

Exit status (as \`terraform plan -detailed-exitcode\`): 0 no change, 2 changes,
1 an error (a version that does not compile, an unknown ref, a bad option or
replay file). With --replay, an event that decides differently is a change too.

Examples:
  dist diff origin/main HEAD
  dist diff main HEAD --project examples/tour --format markdown > comment.md
  dist diff ./before ./after --format json
  dist diff origin/main HEAD --replay leads.ndjson --format markdown`;

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
    .option('--replay <file>', 'NDJSON of recorded events or an exported decision log: decide each under both versions and report what changes')
    .option('--examples <n>', 'with --replay: examples shown per flow', '3')
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
    const replay = options.replay === undefined ? null : await runReplay(base.version, head.version, options.replay, examplesOf(options.examples));
    writeOut(render(diff, options.format, replay === null ? null : { file: options.replay!, report: replay }));
    return diff.summary.unchanged && (replay === null || replay.changed === 0) ? DIFF_EXIT.unchanged : DIFF_EXIT.changed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`dist diff: ${error.message}`);
    return DIFF_EXIT.error;
  }
}

function examplesOf(text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`\`--examples\` must be a whole number, got \`${text}\``);
  return count;
}

async function runReplay(base: ProjectVersion, head: ProjectVersion, file: string, examples: number): Promise<ReplayReport> {
  const timezone = base.program.settings.timezone;
  const events = readReplayFile(file, (event, at) => (typeof at === 'string' ? eventClock({ ...event, at }, timezone) : null));
  const bar = process.stderr.isTTY ? progressBar(file) : null;
  const version = (v: ProjectVersion) => ({ program: v.program, directory: v.directory ?? emptyDirectory() });
  try {
    return await replayEvents(version(base), version(head), events, { examples, start: Date.now(), ...(bar ? { progress: bar.update, every: 500 } : {}) });
  } finally {
    bar?.done();
  }
}

/** A one-line progress count on stderr, shown once a replay passes PROGRESS_FROM events. */
function progressBar(file: string): { update: (done: number) => void; done: () => void } {
  let shown = false;
  return {
    update: (done) => {
      if (done < PROGRESS_FROM) return;
      shown = true;
      process.stderr.write(`\rreplaying ${file}: ${done.toLocaleString('en')} events`);
    },
    done: () => {
      if (shown) process.stderr.write('\n');
    },
  };
}

function render(diff: ProjectDiff, format: Format, replay: { file: string; report: ReplayReport } | null): string {
  if (format === 'json') return JSON.stringify(replay ? { ...diff, replay: { file: replay.file, ...replay.report } } : diff, null, 2);
  if (format === 'markdown') return renderDiffMarkdown(diff) + (replay ? `\n${renderReplayMarkdown(replay.report, replay.file)}` : '');
  return renderDiffText(diff, painter()) + (replay ? `\n${renderReplayText(replay.report, replay.file, painter())}` : '');
}
