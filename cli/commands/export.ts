// `dist export [PATH] --to json-rules-engine [-o FILE]`: writes each rule's `when`
// in json-rules-engine's format (compiler/export/json-rules-engine.ts), as a JSON
// array of rules for `new Engine(rules)`. A construct with no equivalent there is
// reported with its rule's place and nothing is written (exit 1).
import { Option, type Command } from 'commander';
import { ruleLocator } from '../../scenario/rule-locator';
import { EXIT_FAILURE, EXIT_OK, painter, writeError, writeOut } from '../output';
import { compileProjectAt, hasErrors, runCommand, writeTextFile } from '../project';
import { renderText } from '../render-diagnostics';
import { exportJsonRulesEngine } from '../../api';

interface ExportOptions {
  to: 'json-rules-engine';
  output: string;
  lenient: boolean;
}

/** Registers `dist export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .summary("export the rules' conditions to another engine's format")
    .description(
      "Compiles the project and writes every rule's `when` in json-rules-engine's format: a JSON array of rules,\n" +
        'each with `conditions`, a `priority` (higher runs first, as json-rules-engine orders them) and an event\n' +
        '`{ type: "route", params: { rule, ruleId } }`. Only conditions on record fields compared with literals\n' +
        '(==, <, <=, >, >=, between, in, contains, and, or; != and not in on choice, number and bool fields) export;\n' +
        'anything else is reported with its place and nothing is written.\n' +
        'Exit status: 0 written, 1 project errors or constructs that cannot be exported, 2 usage or I/O problems.',
    )
    .argument('[path]', 'the project folder', '.')
    .addOption(new Option('--to <format>', 'the target format').choices(['json-rules-engine']).makeOptionMandatory())
    .option('-o, --output <file>', 'where to write (`-` for stdout)', '-')
    .option('--lenient', 'export != and not in on text fields as notEqual/notIn, which also hold when the field is unset', false)
    .addHelpText('after', '\nExample:\n  dist export examples/tour --to json-rules-engine -o rules.jre.json')
    .action(async (target: string, options: ExportOptions) => {
      process.exitCode = await runCommand('export', () => runExport(target, options));
    });
}

async function runExport(target: string, options: ExportOptions): Promise<number> {
  const project = await compileProjectAt(target);
  const program = project.result.program;
  if (hasErrors(project.diagnostics) || !program) {
    writeError(renderText(project.diagnostics, project.texts, painter(process.stderr)));
    return EXIT_FAILURE;
  }
  const exported = exportJsonRulesEngine(program, { lenient: options.lenient });
  if (!exported.ok) {
    const locate = ruleLocator(program, { text: (file: string) => project.texts(project.display(file)), display: project.display });
    for (const p of exported.problems) {
      const place = locate(p.ruleId);
      writeError(`${place ? `${place}: ` : ''}rule \`${p.rule}\`: \`${p.construct}\` cannot be exported to json-rules-engine: ${p.reason}`);
    }
    return EXIT_FAILURE;
  }
  const json = `${JSON.stringify(exported.rules, null, 2)}\n`;
  if (options.output === '-') writeOut(json);
  else await writeTextFile(options.output, json);
  return EXIT_OK;
}
