// Entry point of the `dist` command: registers every subcommand on one commander
// program and turns any unexpected failure into a one-line message and exit code 2.
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check';
import { registerCompile } from './commands/compile';
import { registerDiff } from './commands/diff';
import { registerExplain } from './commands/explain';
import { registerExport } from './commands/export';
import { registerExportLog } from './commands/export-log';
import { registerFmt } from './commands/fmt';
import { registerLsp } from './commands/lsp';
import { registerReplay } from './commands/replay';
import { registerServe } from './commands/serve';
import { registerTest } from './commands/test';
import { EXIT_USAGE, writeError } from './output';

// A reader that stops early (`dist check --help | head`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const program = new Command('dist')
  .description('rules-as-code for lead distribution: check, format, compile, test, diff and serve `.dist` rules, and the language server for editors')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerCheck(program);
registerFmt(program);
registerCompile(program);
registerServe(program);
registerTest(program);
registerExplain(program);
registerExport(program);
registerLsp(program);
registerDiff(program);
registerReplay(program);
registerExportLog(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // A command with its own exit-code convention (`dist diff`) marks its usage errors with `keepExitCode`.
    process.exitCode = error.exitCode === 0 || 'keepExitCode' in error ? error.exitCode : EXIT_USAGE;
  } else {
    writeError(`dist: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT_USAGE;
  }
}
