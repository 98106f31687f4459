// `dist check [PATH]`: compiles a project and reports every diagnostic.
// Exit 0 when clean or warnings only, 1 on errors, 2 on usage or I/O problems.
import { Option, type Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, painter, writeOut } from '../output';
import { compileProjectAt, hasErrors, runCommand } from '../project';
import { DIAGNOSTIC_FORMATS, renderGithub, renderJson, renderText, type DiagnosticFormat } from '../render-diagnostics';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary('check a project for errors')
    .description(
      'Parses and checks every `.dist` file of a project (and its directory.yaml, when present) and prints every problem.\n' +
        'Exit status: 0 clean or warnings only, 1 errors, 2 usage or I/O problems.',
    )
    .argument('[path]', 'the project folder, or one `.dist` file (checked within its project, or alone outside one)', '.')
    .addOption(new Option('--format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('text'))
    .addHelpText('after', '\nExamples:\n  dist check\n  dist check examples/tour --format github\n  dist check rules/inbound.dist')
    .action(async (target: string, options: { format: DiagnosticFormat }) => {
      process.exitCode = await runCommand('check', () => runCheck(target, options.format));
    });
}

async function runCheck(target: string, format: DiagnosticFormat): Promise<number> {
  const project = await compileProjectAt(target, { singleFile: true });
  const { diagnostics, texts } = project;
  if (format === 'json') writeOut(renderJson(diagnostics, texts));
  else if (format === 'github') {
    if (diagnostics.length) writeOut(renderGithub(diagnostics, texts));
  } else writeOut(renderText(diagnostics, texts, painter()));
  return hasErrors(diagnostics) ? EXIT_FAILURE : EXIT_OK;
}
