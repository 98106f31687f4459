// `dist replay DECISION_ID (--state URL | --log FILE) [--with PATH|REF]`:
// re-runs one logged decision from the state it read, at the time it was made,
// under the rules and directory it ran under, and shows that it reproduces
// exactly and why it was made; `--with` re-runs it under other rules (a project
// folder or a git ref) and shows what they would decide and what differs.
// From a state store the versions are kept there by fingerprint; from an
// exported log (which keeps the fingerprints, the event and the state read) they
// are the project named by `--rules`, whose fingerprints must match. Exit status
// as `dist diff`: 0 reproduced (or the same under --with), 2 another decision
// under --with, 1 errors (unknown decision, no provenance, other rules than the
// log's, a decision that does not reproduce).
import { type Command } from 'commander';
import { fingerprint } from '../../runtime/provenance';
import { fieldDifferences, remake, sameVersions, versionsOf, type LoggedCause } from '../../runtime/replay-decision';
import { decisionEntry } from '../../server/wire';
import { findInLog } from '../decision-log-file';
import { loadVersion } from '../diff-versions';
import { painter, writeError, writeOut } from '../output';
import { UsageError } from '../project';
import { DIFF_EXIT } from './diff';
import { emptyDirectory, explainText, openStore, type Decision, type Directory, type Program } from '../../api';
import { inTransaction } from '../../runtime/state/store';

interface ReplayOptions {
  state?: string;
  log?: string;
  rules?: string;
  with?: string;
  project: string;
  format: 'text' | 'json';
}

/** A logged decision to re-run, wherever it was read from. */
interface Logged {
  cause: LoggedCause;
  /** The decision as logged, for the JSON output. */
  shown: unknown;
  /** The logged decision with its trace, to explain; null when the log keeps no trace (the re-run is explained). */
  traced: Decision | null;
  /** The program and directory it ran under. */
  versions: { program: Program; directory: Directory };
  /** The fields of a re-run that differ from the logged decision. */
  differences: (rerun: Decision) => string[];
  /** What reproducing it exactly means, for the text output. */
  exactly: string;
}

/** Registers `dist replay`. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .summary('re-run a logged decision, then or under other rules')
    .description(
      'Re-runs a decision of the log from exactly the state it read, at the time it was made, under the rules and directory ' +
        'it ran under, and prints its explanation and whether it reproduces. The decision comes from the state store that ' +
        'logged it (--state), or from an exported log (--log, written by `dist export-log`), then run under the project of ' +
        '--rules, which must be the rules and directory the log names by fingerprint. With --with, re-runs it under another ' +
        'version of the rules and prints what would be decided instead.\n' +
        'Exit status: 0 reproduced (with --with: the same decision), 2 another decision under --with, ' +
        '1 an error (unknown decision, logged without provenance, other rules than the log ran under, a decision that does not reproduce).',
    )
    .argument('<decision>', 'the decision id, e.g. d-000042')
    .option('--state <url>', 'the state store that logged it: sqlite:PATH, relative to the working folder')
    .option('--log <file>', 'an exported decision log (NDJSON of `dist export-log` or `GET /v1/decisions?format=ndjson`)')
    .option('--rules <version>', 'with --log: the project the log was made under, a folder or a git ref (default: .)')
    .option('--with <version>', 'another version of the rules: a project folder or a git ref')
    .option('--project <path>', 'with a git ref: the project folder within the repository', '.')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      '\nExamples:\n  dist replay d-000042 --state sqlite:.dist/state.db\n  dist replay d-000042 --state sqlite:.dist/state.db --with origin/main\n' +
        '  dist replay d-000042 --log leads.ndjson --rules .\n  dist replay d-000042 --log leads.ndjson --rules v1.4 --with HEAD',
    )
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
  if ((options.state === undefined) === (options.log === undefined)) throw new UsageError('name where the decision was logged: `--state URL` or `--log FILE`, one of them');
  if (options.rules !== undefined && options.log === undefined) throw new UsageError('`--rules` goes with `--log`; a state store keeps the rules its decisions ran under');
  if (options.log !== undefined) return replayLogged(await fromLog(options.log, id, options), options);
  const store = await openStore(options.state!).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  try {
    return await replayLogged(await fromState(store, id, options.state!), options);
  } finally {
    await store.close();
  }
}

async function fromState(store: Awaited<ReturnType<typeof openStore>>, id: string, url: string): Promise<Logged> {
  const logged = await inTransaction(store, (tx) => tx.getDecision(id));
  if (!logged) throw new UsageError(`no decision \`${id}\` in \`${url}\``);
  const versions = await versionsOf(store, logged);
  if (!versions) throw new UsageError(`decision \`${id}\` was logged without provenance (the rules it ran under and the state it read are not kept), so it cannot be re-run`);
  const p = logged.provenance!;
  const { provenance: _, ...traced } = logged;
  return { cause: logged, shown: logged, traced, versions, differences: (rerun) => fieldDifferences(logged, rerun), exactly: `every field, under the rules it ran under (program ${p.program}, directory ${p.directory})` };
}

async function fromLog(file: string, id: string, options: ReplayOptions): Promise<Logged> {
  const entry = await findInLog(file, id);
  const p = entry.cause.provenance;
  if (!p) throw new UsageError(`${file}:${entry.line}: decision \`${id}\` was logged without provenance (the state it read is not in the log), so it cannot be re-run`);
  const spec = options.rules ?? '.';
  const versions = await compiled(spec, options.project);
  if (!sameVersions(entry.cause, versions.program, versions.directory)) {
    const [program, directory] = [fingerprint(versions.program), fingerprint(versions.directory)];
    const which = [p.program !== program ? 'rules' : null, p.directory !== directory ? 'directory' : null].filter(Boolean).join(' and ');
    throw new UsageError(
      `${file}:${entry.line}: decision \`${id}\` ran under program ${p.program} and directory ${p.directory}, but \`${spec}\` is program ${program} and directory ${directory} ` +
        `(other ${which}); name the version the log was made under with \`--rules PATH|REF\``,
    );
  }
  return {
    cause: entry.cause,
    shown: { ...entry.fields, provenance: p },
    traced: null,
    versions,
    differences: (rerun) => fieldDifferences(entry.fields, decisionEntry(rerun)),
    exactly: `every field of the log entry, under \`${spec}\` (program ${p.program}, directory ${p.directory})`,
  };
}

/** A version of the rules as `dist serve` would run it (no directory file: the empty directory). */
async function compiled(spec: string, project: string): Promise<{ program: Program; directory: Directory }> {
  const version = await loadVersion(spec, project);
  if (!version) throw new UsageError(`\`${spec}\` does not compile`);
  return { program: version.version.program, directory: version.version.directory ?? emptyDirectory() };
}

async function replayLogged(logged: Logged, options: ReplayOptions): Promise<number> {
  const original = await remake(logged.cause, logged.versions.program, logged.versions.directory);
  if (!original.ok) throw new UsageError(original.problem);
  const differences = logged.differences(original.decision);
  const other = options.with === undefined ? null : await underOther(logged, options.with, options.project);
  const paint = painter();
  if (options.format === 'json') {
    const under = other && { version: options.with, same: other.differences.length === 0, differences: other.differences, decision: other.decision };
    writeOut(JSON.stringify({ decision: logged.shown, reproduces: differences.length === 0, differences, ...(under ? { with: under } : {}) }, null, 2));
  } else {
    writeOut(explainText(original.explain(logged.traced ?? original.decision)).trimEnd());
    writeOut(differences.length === 0 ? paint('green', `reproduces exactly: ${logged.exactly}`) : paint('red', `does not reproduce: ${differences.join('; ')}`));
    if (other) {
      const same = other.differences.length === 0;
      writeOut('');
      writeOut(paint('bold', `under ${options.with}: ${same ? 'the same decision' : 'another decision'}`));
      if (!same) {
        for (const d of other.differences) writeOut(`  ${d}`);
        writeOut('');
        writeOut(other.explained.trimEnd());
      }
    }
  }
  if (differences.length > 0) return DIFF_EXIT.error;
  return other && other.differences.length > 0 ? DIFF_EXIT.changed : DIFF_EXIT.unchanged;
}

async function underOther(logged: Logged, spec: string, project: string): Promise<{ differences: string[]; decision: Decision; explained: string }> {
  const version = await compiled(spec, project);
  const result = await remake(logged.cause, version.program, version.directory);
  if (!result.ok) throw new UsageError(`under \`${spec}\`: ${result.problem}`);
  return { differences: logged.differences(result.decision), decision: result.decision, explained: explainText(result.explain(result.decision)) };
}
