// `dist explain [PROJECT] --event FILE` (or `--payload FILE --source NAME`: a raw
// payload for that source's `map` block): decides one event on a fresh memory
// state and prints the decision's explain trace (RUNTIME.md "Explain"), after the
// mapped record for a payload. Exit 0 when decided, 1 when the project has errors
// or the event or payload is invalid, 2 on usage or I/O problems.
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parseIsoTime } from '../../compiler/values';
import { LineIndex } from '../../language/line-index';
import { ruleLocator } from '../../scenario/rule-locator';
import { EXIT_FAILURE, EXIT_OK, painter, writeError, writeOut } from '../output';
import { compileProjectAt, hasErrors, runCommand, UsageError } from '../project';
import { renderText } from '../render-diagnostics';
import {
  createEngine,
  emptyDirectory,
  explainText,
  findMap,
  mapPayload,
  MemoryStore,
  unknownSource,
  validateEvent,
  type IncomingEvent,
  type InputIssue,
} from '../../api';

interface ExplainOptions {
  event?: string;
  payload?: string;
  source?: string;
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
        'With --payload and --source, FILE is a raw payload: the map block of that source turns it into a\n' +
        'record first (printed before the trace), exactly as `POST /v1/hooks/SOURCE` does.\n' +
        'Exit status: 0 decided, 1 project errors or an invalid event or payload, 2 usage or I/O problems.',
    )
    .argument('[project]', 'the project folder', '.')
    .option('--event <file>', 'a JSON file holding one event: { "type": "lead.created", "record": { … } }')
    .option('--payload <file>', 'a JSON file holding one raw payload for the map block of --source')
    .option('--source <name>', 'the source whose map block reads --payload (as in `map lead from "NAME"`)')
    .option('--now <time>', "the clock, e.g. 2026-11-23T10:00:00+05:30 (default: the event's `at`, else the current time)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  dist explain examples/tour --event lead.json --now 2026-11-23T10:00:00+05:30\n' +
        '  dist explain examples/input-mapping --payload form.json --source website-form',
    )
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
  const input = inputOf(options);
  const read = await readJson(input.file, input.payload ? 'a payload' : 'an event');
  if ('error' in read) {
    writeError(read.error);
    return EXIT_FAILURE;
  }
  const now = clock ?? Date.now();
  let event: IncomingEvent;
  let mapped: Record<string, unknown> | null = null;
  let at = now;
  if (input.payload) {
    const map = findMap(program, input.source);
    if (!map) return reportIssues(input.file, [unknownSource(program, input.source)]);
    const result = mapPayload(program, map, read.value, 'explain', now);
    if (!result.ok) {
      const code = reportIssues(input.file, result.issues);
      writeError(map.invalidQueue === null ? 'the server refuses this payload (400)' : `the server keeps this payload in queue \`${map.invalidQueue}\` with these errors`);
      return code;
    }
    event = result.event;
    mapped = result.event.record;
  } else {
    event = { id: 'explain', ...(read.value as object) } as IncomingEvent;
    const valid = validateEvent(program, event);
    if (!valid.ok) return reportIssues(input.file, valid.issues);
    at = clock ?? valid.event.at ?? now;
  }
  const engine = createEngine({ program, directory: project.result.directory ?? emptyDirectory(), store: new MemoryStore(), clock: () => at });
  const decided = await engine.decide(event);
  if (!decided.ok) return reportIssues(input.file, decided.issues);
  const decision = decided.decision;
  const files = { text: (file: string) => project.texts(project.display(file)), display: project.display };
  const locate = ruleLocator(program, files);
  const explained = engine.explain(decision);
  if (options.format === 'json') writeOut(JSON.stringify(mapped === null ? explained : { mapped, decision: explained }, null, 2));
  else {
    const trace = explainText(explained, (ruleId) => locate(ruleId) ?? ruleId);
    writeOut(mapped === null || !input.payload ? trace : `payload from \`${input.source}\` mapped to ${decision.entity} ${JSON.stringify(mapped)}\n${trace}`);
  }
  return EXIT_OK;
}

/** Which input the options name: an event file, or a payload file and its source. */
function inputOf(options: ExplainOptions): { file: string; payload: false } | { file: string; payload: true; source: string } {
  if (options.event !== undefined && options.payload !== undefined) throw new UsageError('give either `--event FILE` or `--payload FILE --source NAME`, not both');
  if (options.payload !== undefined) {
    if (options.source === undefined) throw new UsageError('`--payload` needs `--source NAME`: the source whose map block reads it');
    return { file: options.payload, payload: true, source: options.source };
  }
  if (options.source !== undefined) throw new UsageError('`--source` goes with `--payload FILE`, a raw payload for that source');
  if (options.event === undefined) throw new UsageError('give the input: `--event FILE` (an event) or `--payload FILE --source NAME` (a raw payload)');
  return { file: options.event, payload: false };
}

function reportIssues(file: string, issues: readonly InputIssue[]): number {
  for (const issue of issues) writeError(`${file}: ${issue.path ? `\`${issue.path}\`: ` : ''}${issue.message}`);
  return EXIT_FAILURE;
}

/** Reads a JSON object from `file` (syntax errors at `file:line:column`). */
async function readJson(file: string, what: string): Promise<{ value: object } | { error: string }> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new UsageError(`cannot read the ${what === 'an event' ? 'event' : 'payload'} file \`${file}\`; check the path`);
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
    const shape = what === 'an event' ? ': `{ "id"?, "type", "record", "changed"?, "at"? }`' : '';
    return { error: `${file}: ${what} must be a JSON object${shape}` };
  }
  return { value };
}
