// The compiler's file-system side: reads a project folder (dist.yaml, every
// `*.dist` under the rules folder, the directory) into a CompileInput for the
// pure compileProject. Problems with the files themselves are diagnostics too.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { decodeSource } from '../../language/decode';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../../language/diagnostics';
import type { CompileInput, SourceText } from '../compile';
import { toPlain } from '../yaml-plain';
import { findDistFiles } from './find-files';

const Section = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** dist.yaml: every key optional; unknown keys are errors. */
const ConfigFile = z.strictObject({
  rules: z.string().min(1).default('rules'),
  directory: z.string().min(1).default('directory.yaml'),
  tests: z.string().min(1).default('tests'),
  state: Section.optional(),
  server: Section.optional(),
  deliveries: z.union([Section, z.array(z.unknown())]).optional(),
});

/** A project's configuration: dist.yaml with its defaults applied; paths are relative to `root`. */
export type ProjectConfig = z.infer<typeof ConfigFile> & {
  /** The project folder, absolute. */
  root: string;
};

/** The project's configuration file, at its root. */
export const CONFIG_FILE = 'dist.yaml';

/** The configuration of a project without a dist.yaml. */
export function defaultConfig(root: string): ProjectConfig {
  return { ...ConfigFile.parse({}), root: resolve(root) };
}

/**
 * Reads the project at `root`. Never rejects: a missing folder or unreadable file
 * is DIST601, a bad dist.yaml DIST602 (then the defaults are used), no `.dist`
 * file DIST603, invalid UTF-8 DIST006.
 */
export async function loadProject(
  root: string,
): Promise<{ input: CompileInput; config: ProjectConfig; configText: string | null; diagnostics: Diagnostic[] }> {
  const absolute = resolve(root);
  const diagnostics: Diagnostic[] = [];
  const config = defaultConfig(absolute);
  const input: CompileInput = { sources: [], directory: null };
  if (!(await isDirectory(absolute))) {
    diagnostics.push(diagnostic('DIST601', '.', EMPTY, `cannot read the project folder \`${root}\`; check the path`));
    return { input, config, configText: null, diagnostics };
  }
  const configText = await readText(absolute, CONFIG_FILE, diagnostics);
  if (configText !== null) Object.assign(config, readConfig(configText, diagnostics));

  const rulesFolder = toPosix(config.rules);
  const unreadable = (dir: string) => diagnostics.push(diagnostic('DIST601', dir, EMPTY, `cannot read the folder \`${dir}\`; check its permissions`));
  const files = (await isDirectory(join(absolute, rulesFolder))) ? await findDistFiles(absolute, rulesFolder, unreadable) : [];
  for (const file of files) {
    const text = await readText(absolute, file, diagnostics);
    if (text !== null) input.sources.push({ file, text });
  }
  if (files.length === 0) {
    diagnostics.push(diagnostic('DIST603', rulesFolder, EMPTY, `no \`.dist\` files under \`${rulesFolder}/\`; add rules there or set \`rules\` in ${CONFIG_FILE}`));
  }
  const directoryFile = toPosix(config.directory);
  const directoryText = await readText(absolute, directoryFile, diagnostics);
  if (directoryText !== null) input.directory = { file: directoryFile, text: directoryText } satisfies SourceText;
  return { input, config, configText, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * The nearest folder at or above `path` (a folder or a file) that holds a
 * dist.yaml or a `rules/` folder; null when there is none.
 */
export async function findProjectRoot(path: string): Promise<string | null> {
  let dir = resolve(path);
  if (!(await isDirectory(dir))) dir = dirname(dir);
  for (;;) {
    if ((await isFile(join(dir, CONFIG_FILE))) || (await isDirectory(join(dir, 'rules')))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** What every command says when a path is not inside a project. */
export function noProjectMessage(where: string): string {
  return `no project in \`${where}\` or above (a project is a folder with a \`${CONFIG_FILE}\` or a \`rules/\` folder); pass a project folder`;
}

const EMPTY = { start: 0, end: 0 };

/** A relative path with `/` separators, normalised, without a trailing `/`. */
export function toPosix(path: string): string {
  return posix.normalize(path.split(sep).join('/')).replace(/\/+$/, '');
}

/** The decoded text of `file` (relative to `root`); null when it does not exist or cannot be read (DIST601). */
export async function readText(root: string, file: string, diagnostics: Diagnostic[]): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(root, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      diagnostics.push(diagnostic('DIST601', file, EMPTY, `cannot read \`${file}\` (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the file`));
    }
    return null;
  }
  const decoded = decodeSource(bytes, file);
  diagnostics.push(...decoded.diagnostics);
  return decoded.text;
}

/** dist.yaml's settings; reports DIST602 for syntax errors, unknown keys and wrong values. */
export function readConfig(text: string, diagnostics: Diagnostic[]): Partial<ProjectConfig> {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) diagnostics.push(diagnostic('DIST602', CONFIG_FILE, { start: e.pos[0], end: e.pos[1] }, `invalid YAML: ${e.message.split('\n')[0]}`));
    return {};
  }
  const plain = toPlain(doc);
  if ('problems' in plain) {
    for (const p of plain.problems) diagnostics.push(diagnostic('DIST602', CONFIG_FILE, p.span, p.message));
    return {};
  }
  const value: unknown = plain.value ?? {};
  const parsed = ConfigFile.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const message = `unknown key \`${key}\`; use \`rules\`, \`directory\`, \`tests\`, \`state\`, \`server\` or \`deliveries\``;
        diagnostics.push(diagnostic('DIST602', CONFIG_FILE, keySpan(doc, key), message));
      }
    } else {
      const key = String(issue.path[0] ?? '');
      const message = key ? `\`${key}\` has the wrong form: ${issue.message.toLowerCase()}` : `${CONFIG_FILE} must be a mapping of settings`;
      diagnostics.push(diagnostic('DIST602', CONFIG_FILE, key ? keySpan(doc, key) : EMPTY, message));
    }
  }
  return {};
}

function keySpan(doc: Document, key: string): { start: number; end: number } {
  if (!isMap(doc.contents)) return EMPTY;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
      return { start: pair.key.range[0], end: pair.key.range[1] };
    }
  }
  return EMPTY;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
