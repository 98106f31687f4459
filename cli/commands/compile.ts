// `dist compile [PATH] [-o FILE]`: compiles a project to its IR (JSON). Writes
// nothing when there are errors; prints the diagnostics and exits 1 instead.
import { Option, type Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, painter, writeError, writeOut } from '../output';
import { compileProjectAt, hasErrors, runCommand, writeTextFile } from '../project';
import { renderText } from '../render-diagnostics';
import { stripSpans } from '../../api';

const STAGES = ['parse', 'resolve', 'typecheck', 'validate', 'lower', 'analyse'] as const;

export function registerCompile(program: Command): void {
  program
    .command('compile')
    .summary('compile a project to its IR (JSON)')
    .description(
      'Compiles a project to the versioned IR that the runtime executes, and writes it as JSON.\n' +
        'Diagnostics go to stderr. Exit status: 0 written, 1 errors (nothing written), 2 usage or I/O problems.',
    )
    .argument('[path]', 'the project folder', '.')
    .option('-o, --output <file>', 'where to write the IR (`-` for stdout)', '-')
    .option('--no-spans', 'leave out source spans (stable output for reviews and goldens)')
    .addOption(new Option('--stop-after <stage>', 'stop after a compiler stage and report its diagnostics').choices(STAGES))
    .addHelpText('after', '\nExamples:\n  dist compile -o build/rules.ir.json\n  dist compile examples/tour --no-spans')
    .action(async (target: string, options: { output: string; spans: boolean; stopAfter?: (typeof STAGES)[number] }) => {
      process.exitCode = await runCommand('compile', () => runCompile(target, options));
    });
}

async function runCompile(
  target: string,
  options: { output: string; spans: boolean; stopAfter?: (typeof STAGES)[number] },
): Promise<number> {
  const project = await compileProjectAt(target, options.stopAfter ? { stopAfter: options.stopAfter } : {});
  const { diagnostics, texts, result } = project;
  if (diagnostics.length) writeError(renderText(diagnostics, texts, painter(process.stderr)));
  if (hasErrors(diagnostics)) return EXIT_FAILURE;
  if (!result.program) return EXIT_OK;
  const json = `${JSON.stringify(options.spans ? result.program : stripSpans(result.program), null, 2)}\n`;
  if (options.output === '-') writeOut(json);
  else await writeTextFile(options.output, json);
  return EXIT_OK;
}
