// `dist check [PATH] [--gaps]`: compiles a project and reports every diagnostic,
// and with `--gaps` the records no active rule takes. Exit 0 when clean or
// warnings only, 1 on errors, 2 on usage or I/O problems.
import { Option, type Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, painter, writeOut } from '../output';
import { compileProjectAt, hasErrors, runCommand } from '../project';
import { findGaps } from '../../api';
import { DIAGNOSTIC_FORMATS, renderGithub, renderJson, renderText, type DiagnosticFormat } from '../render-diagnostics';
import { locateGaps, renderGapsText } from '../render-gaps';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary('check a project for errors')
    .description(
      'Parses and checks every `.dist` file of a project (and its directory.yaml, when present) and prints every problem, ' +
        'with what the rule analysis finds once there are no errors: shadowed rules, conditions that can never hold, ' +
        'overlapping rules and pools that run dry, each with an example record.\n' +
        'Exit status: 0 clean or warnings only, 1 errors, 2 usage or I/O problems.',
    )
    .argument('[path]', 'the project folder, or one `.dist` file (checked within its project, or alone outside one)', '.')
    .addOption(new Option('--format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('text'))
    .option('--gaps', 'also list, per entity and event, an example record that no active rule takes (or say every record is taken)')
    .addHelpText('after', '\nExamples:\n  dist check\n  dist check examples/tour --format github\n  dist check rules/inbound.dist\n  dist check --gaps')
    .action(async (target: string, options: { format: DiagnosticFormat; gaps?: boolean }) => {
      process.exitCode = await runCommand('check', () => runCheck(target, options.format, options.gaps ?? false));
    });
}

async function runCheck(target: string, format: DiagnosticFormat, withGaps: boolean): Promise<number> {
  const project = await compileProjectAt(target, { singleFile: true });
  const { diagnostics, texts, display } = project;
  const program = project.result.program;
  const gaps = withGaps && program ? findGaps(program) : null;
  if (format === 'json') {
    writeOut(renderJson(diagnostics, texts, gaps ? { gaps: locateGaps(gaps, texts, display) } : {}));
    return hasErrors(diagnostics) ? EXIT_FAILURE : EXIT_OK;
  }
  if (format === 'github') {
    if (diagnostics.length) writeOut(renderGithub(diagnostics, texts));
  } else writeOut(renderText(diagnostics, texts, painter()));
  if (gaps) writeOut(renderGapsText(gaps, texts, display, format === 'github' ? (_style, text) => text : painter()));
  else if (withGaps) writeOut('gaps: not computed, because the project has errors');
  return hasErrors(diagnostics) ? EXIT_FAILURE : EXIT_OK;
}
