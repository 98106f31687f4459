// `dist explain [PROJECT] --event FILE`: decides one event on a fresh memory state
// and prints the decision's explain trace (RUNTIME.md "Explain"). Exit 0 when
// decided, 1 when the project has errors or the event is invalid, 2 on usage or
// I/O problems.
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parseIsoTime } from '../../compiler/values';
import { LineIndex } from '../../language/line-index';
import { ruleLocator } from '../../scenario/rule-locator';
import { EXIT_FAILURE, EXIT_OK, painter, writeError, writeOut } from '../output';
import { compileProjectAt, hasErrors, runCommand, UsageError } from '../project';
import { renderText } from '../render-diagnostics';
import { createEngine, emptyDirectory, explainText, MemoryStore, validateEvent, type IncomingEvent, type InputIssue } from '../../api';

interface ExplainOptions {
  event: string;
  now?: string;
  format: 'text' | 'json';
}

/** Registers `dist explain`. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .summary('decide one event and explain the decision')
    .description(
      'Compiles the project, decides the event in FILE on a fresh memory state and prints the explain trace:\n' +
        'each rule tried and why it did or did not match, the pool, the filters, the method and the outcome.\n' +
        'Exit status: 0 decided, 1 project errors or an invalid event, 2 usage or I/O problems.',
    )
    .argument('[project]', 'the project folder', '.')
    .requiredOption('--event <file>', 'a JSON file holding one event: { "type": "lead.created", "record": { … } }')
    .option('--now <time>', "the clock, e.g. 2026-11-23T10:00:00+05:30 (default: the event's `at`, else the current time)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExample:\n  dist explain examples/tour --event lead.json --now 2026-11-23T10:00:00+05:30')
    .action(async (target: string, options: ExplainOptions) => {
      process.exitCode = await runCommand('explain', () => runExplain(target, options));
    });
}

async function runExplain(target: string, options: ExplainOptions): Promise<number> {
  const project = await compileProjectAt(target);
  const program = project.result.program;
  if (hasErrors(project.diagnostics) || !program) {
    writeError(renderText(project.diagnostics, project.texts, painter(process.stderr)));
    return EXIT_FAILURE;
  }
  const clock = options.now === undefined ? null : parseIsoTime(options.now, program.settings.timezone);
  if (clock === null && options.now !== undefined) {
    throw new UsageError(`\`--now\` must be a time such as \`2026-11-23T10:00:00+05:30\`; got \`${options.now}\``);
  }
  const event = await readEvent(options.event);
  if ('error' in event) {
    writeError(event.error);
    return EXIT_FAILURE;
  }
  const valid = validateEvent(program, event.event);
  if (!valid.ok) return reportIssues(options.event, valid.issues);
  const now = clock ?? valid.event.at ?? Date.now();
  const engine = createEngine({
    program,
    directory: project.result.directory ?? emptyDirectory(),
    store: new MemoryStore(),
    clock: () => now,
  });
  const result = await engine.decide(event.event);
  if (!result.ok) return reportIssues(options.event, result.issues);
  const files = { text: (file: string) => project.texts(project.display(file)), display: project.display };
  const locate = ruleLocator(program, files);
  const explained = engine.explain(result.decision);
  writeOut(options.format === 'json' ? JSON.stringify(explained, null, 2) : explainText(explained, (ruleId) => locate(ruleId) ?? ruleId));
  return EXIT_OK;
}

function reportIssues(file: string, issues: readonly InputIssue[]): number {
  for (const issue of issues) writeError(`${file}: ${issue.path ? `\`${issue.path}\`: ` : ''}${issue.message}`);
  return EXIT_FAILURE;
}

/** Reads the event file (JSON syntax errors at `file:line:column`); an event without `id` gets `explain`. */
async function readEvent(file: string): Promise<{ event: IncomingEvent } | { error: string }> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new UsageError(`cannot read the event file \`${file}\`; check the path`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message);
    const at = offset ? new LineIndex(text).position(Number(offset[1])) : { line: 1, column: 1 };
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return { error: `${file}:${at.line}:${at.column}: invalid JSON: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: `${file}: an event must be a JSON object: \`{ "id"?, "type", "record", "changed"?, "at"? }\`` };
  }
  const event = { id: 'explain', ...value } as IncomingEvent;
  return { event };
}
