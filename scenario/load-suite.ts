// Loads one scenario suite from its text (TESTING.md): parses the YAML keeping
// positions, checks its shape (suite-schema.ts) and its meaning against the project
// (build-cases.ts), resolves its directory, and returns either a suite ready to run
// or every problem at `file:line:column`. Pure: files the suite names are read
// through the caller's reader (read-suites.ts reads them from disk).
import { parse, parseDocument } from 'yaml';
import { directoryFromJson } from '../compiler/directory/load';
import { parseIsoTime } from '../compiler/values';
import { buildCases, type DirectoryValidator } from './build-cases';
import type { RawDirectory } from './given-merge';
import type { LoadedSuite } from './loaded-suite';
import { SuiteLocator, type SuiteError } from './suite-errors';
import { Suite } from './suite-schema';
import { type Directory, type Program } from '../api';

/** What a suite needs of its project. */
export interface SuiteProject {
  program: Program;
  /** The text of the project's directory file; null when the project has none. */
  directory: string | null;
}

/** A suite: `file` as reports show it, and its text. */
export interface SuiteSource {
  file: string;
  text: string;
}

/** Reads a file the suite names (its `directory:`), by its path relative to the suite; null when it cannot be read. */
export type SuiteFileReader = (relative: string) => string | null;

export type LoadSuiteResult = { ok: true; suite: LoadedSuite } | { ok: false; errors: SuiteError[] };

/** The clock of a suite without `now`: Monday 2026-01-05 09:00 in the project's time zone. */
export const DEFAULT_NOW = '2026-01-05T09:00:00';

/** Loads, checks and prepares one suite. */
export function loadSuite(source: SuiteSource, project: SuiteProject, readFile: SuiteFileReader = () => null): LoadSuiteResult {
  const doc = parseDocument(source.text, { uniqueKeys: true, prettyErrors: false });
  const locator = new SuiteLocator(source.file, source.text, doc);
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => locator.atOffset(e.pos[0], `invalid YAML: ${lowerFirst(e.message)}`)) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, errors: [locator.atOffset(0, `invalid YAML: ${lowerFirst((error as Error).message)}`)] };
  }
  const parsed = Suite.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: sortErrors(locator.fromIssues(parsed.error.issues)) };
  const suite = parsed.data;

  const errors: SuiteError[] = [];
  const validate = directoryValidator(project.program);
  const base = baseDirectory(suite.directory, project, readFile, validate);
  if ('error' in base) return { ok: false, errors: [locator.at(['directory'], base.error)] };

  const timezone = project.program.settings.timezone;
  const nowMs = parseIsoTime(suite.now ?? DEFAULT_NOW, timezone);
  if (nowMs === null) {
    errors.push(locator.at(['now'], `\`now\` must be a time such as \`2026-11-23T10:00:00+05:30\`; got \`${suite.now}\``));
  }
  const cases = buildCases(suite, { program: project.program, locator, ...base, validate }, errors);
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, suite: { file: source.file, nowMs: nowMs!, cases } };
}

/** The directory the suite runs with, in file form and validated: the project's, or its `directory:` file. */
function baseDirectory(
  relative: string | undefined,
  project: SuiteProject,
  readFile: SuiteFileReader,
  validate: DirectoryValidator,
): { raw: RawDirectory; directory: Directory } | { error: string } {
  let text = project.directory;
  if (relative !== undefined) {
    text = readFile(relative);
    if (text === null) return { error: `cannot read the directory file \`${relative}\`; check the path (relative to the suite)` };
  }
  const name = relative ?? 'the project directory';
  let raw: unknown = {};
  if (text !== null) {
    try {
      raw = parse(text) ?? {};
    } catch (error) {
      return { error: `cannot parse \`${name}\`: ${lowerFirst((error as Error).message)}; run \`dist check\` on it` };
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { error: `\`${name}\` is not a directory mapping; give it \`users\`, \`teams\` and the other DIRECTORY.md sections` };
  }
  const result = validate(raw as RawDirectory);
  if ('problems' in result) {
    return { error: `\`${name}\` is invalid: ${result.problems.join('; ')}; run \`dist check\` to see every problem` };
  }
  return { raw: raw as RawDirectory, directory: result.directory };
}

function directoryValidator(program: Program): DirectoryValidator {
  const context = { userSchema: program.schemas.user?.fields ?? null, timezone: program.settings.timezone };
  return (raw) => {
    const result = directoryFromJson(raw, context);
    if (result.directory) return { directory: result.directory };
    return { problems: result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) };
  };
}

function sortErrors(errors: SuiteError[]): SuiteError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}

function lowerFirst(text: string): string {
  const line = text.split('\n')[0]!.replace(/\.$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}
