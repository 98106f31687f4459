// `dist replay DECISION_ID --state URL [--with PATH|REF]`: re-runs one logged
// decision from the state it read, at the time it was made, under the rules and
// directory it ran under (kept in the state by fingerprint), and shows that it
// reproduces exactly and why it was made; `--with` re-runs it under other rules
// (a project folder or a git ref) and shows what they would decide and what
// differs. Exit status as `dist diff`: 0 reproduced (or the same under --with),
// 2 another decision under --with, 1 errors (unknown decision, no provenance, a
// decision that does not reproduce).
import { type Command } from 'commander';
import { rerunDecision, versionsOf } from '../../runtime/replay-decision';
import { loadVersion } from '../diff-versions';
import { painter, writeError, writeOut } from '../output';
import { UsageError } from '../project';
import { DIFF_EXIT } from './diff';
import { explainText, openStore, type Decision, type ExplainedDecision, type StateStore } from '../../api';
import { inTransaction } from '../../runtime/state/store';

interface ReplayOptions {
  state: string;
  with?: string;
  project: string;
  format: 'text' | 'json';
}

/** Registers `dist replay`. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .summary('re-run a logged decision, then or under other rules')
    .description(
      'Re-runs a decision of the log from exactly the state it read, at the time it was made, under the rules and directory ' +
        'it ran under, and prints its explanation and whether it reproduces. With --with, re-runs it under another version ' +
        'of the rules and prints what would be decided instead.\n' +
        'Exit status: 0 reproduced (with --with: the same decision), 2 another decision under --with, ' +
        '1 an error (unknown decision, logged without provenance, a decision that does not reproduce).',
    )
    .argument('<decision>', 'the decision id, e.g. d-000042')
    .requiredOption('--state <url>', 'the state store that logged it: sqlite:PATH, relative to the working folder')
    .option('--with <version>', 'another version of the rules: a project folder or a git ref')
    .option('--project <path>', 'with a git ref: the project folder within the repository', '.')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExamples:\n  dist replay d-000042 --state sqlite:.dist/state.db\n  dist replay d-000042 --state sqlite:.dist/state.db --with .\n  dist replay d-000042 --state sqlite:.dist/state.db --with origin/main')
    .exitOverride((error) => {
      throw Object.assign(error, { exitCode: error.exitCode === 0 ? 0 : DIFF_EXIT.error, keepExitCode: true });
    })
    .action(async (id: string, options: ReplayOptions) => {
      try {
        process.exitCode = await runReplay(id, options);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        writeError(`dist replay: ${error.message}`);
        process.exitCode = DIFF_EXIT.error;
      }
    });
}

async function runReplay(id: string, options: ReplayOptions): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`\`--format\` must be \`text\` or \`json\`, got \`${options.format}\``);
  const store = await openStore(options.state).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  try {
    return await replayIn(store, id, options);
  } finally {
    await store.close();
  }
}

async function replayIn(store: StateStore, id: string, options: ReplayOptions): Promise<number> {
  const logged = await inTransaction(store, (tx) => tx.getDecision(id));
  if (!logged) throw new UsageError(`no decision \`${id}\` in \`${options.state}\``);
  const then = await versionsOf(store, logged);
  if (!then) throw new UsageError(`decision \`${id}\` was logged without provenance (the rules it ran under and the state it read are not kept), so it cannot be re-run`);
  const original = await rerunDecision(logged, then.program, then.directory);
  if (!original.ok) throw new UsageError(original.problem);
  const other = options.with === undefined ? null : await underOther(logged, options.with, options.project);
  const paint = painter();
  if (options.format === 'json') {
    writeOut(JSON.stringify({ decision: logged, reproduces: original.same, differences: original.differences, ...(other ? { with: { version: options.with, same: other.same, differences: other.differences, decision: other.decision } } : {}) }, null, 2));
  } else {
    writeOut(explainText(original.explain(stripped(logged))).trimEnd());
    writeOut(original.same ? paint('green', `reproduces exactly under the rules it ran under (program ${logged.provenance!.program}, directory ${logged.provenance!.directory})`) : paint('red', `does not reproduce: ${original.differences.join('; ')}`));
    if (other) {
      writeOut('');
      writeOut(paint('bold', `under ${options.with}: ${other.same ? 'the same decision' : 'another decision'}`));
      if (!other.same) {
        for (const d of other.differences) writeOut(`  ${d}`);
        writeOut('');
        writeOut(explainText(other.explained).trimEnd());
      }
    }
  }
  if (!original.same) return DIFF_EXIT.error;
  return other && !other.same ? DIFF_EXIT.changed : DIFF_EXIT.unchanged;
}

async function underOther(logged: Decision, spec: string, project: string): Promise<{ same: boolean; differences: string[]; decision: Decision; explained: ExplainedDecision }> {
  const version = await loadVersion(spec, project);
  if (!version) throw new UsageError(`\`${spec}\` does not compile`);
  const directory = version.version.directory;
  const then = logged.provenance!;
  if (!directory) throw new UsageError(`\`${spec}\` has no directory; the decision ran with directory ${then.directory}`);
  const result = await rerunDecision(logged, version.version.program, directory);
  if (!result.ok) throw new UsageError(`under \`${spec}\`: ${result.problem}`);
  return { same: result.same, differences: result.differences, decision: result.decision, explained: result.explain(result.decision) };
}

function stripped(d: Decision): Decision {
  const { provenance: _, ...rest } = d;
  return rest;
}
