// The file-system edge of `dist test`: finds the suites to run (a PATH may be a
// project folder — its tests folder from dist.yaml, default `tests/` —, a folder of
// suites, or one suite file; no PATH means the current project's tests) and reads a
// suite, and the files it names, for the pure loadSuite.
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { noProjectMessage } from '../compiler/node/project';
import { loadSuite, type LoadSuiteResult, type SuiteProject } from './load-suite';
import { findProjectRoot, loadProject } from '../api';

/** A suite file name ends with this (`.yml` is accepted too). */
export const SUITE_SUFFIXES = ['.test.yaml', '.test.yml'] as const;

/** Absolute paths of the suites, sorted, without duplicates; or why none could be found. */
export async function findSuites(targets: readonly string[], cwd: string): Promise<{ files: string[] } | { error: string }> {
  const files = new Set<string>();
  if (targets.length === 0) {
    const root = await findProjectRoot(cwd);
    if (!root) return { error: noProjectMessage('.') };
    for (const file of await walk(await testsFolder(root))) files.add(file);
    if (files.size === 0) return { error: `no scenario suites (\`*.test.yaml\`) in \`${display(await testsFolder(root), cwd)}\`; add one` };
  }
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const info = await stat(absolute).catch(() => null);
    if (!info) return { error: `no such file or folder \`${target}\`` };
    if (info.isFile()) {
      files.add(absolute);
      continue;
    }
    const root = await findProjectRoot(absolute);
    if (root === null) return { error: noProjectMessage(target) };
    const folder = root === absolute ? await testsFolder(root) : absolute;
    const found = await walk(folder);
    if (found.length === 0) return { error: `no scenario suites (\`*.test.yaml\`) under \`${target}\`; add one or pass another path` };
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort() };
}

/**
 * Reads and loads the suite at `file` (absolute); `display` is its name in reports.
 * Null when the suite itself cannot be read.
 */
export async function readSuite(file: string, display: string, project: SuiteProject): Promise<LoadSuiteResult | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const readRelative = (relative: string): string | null => {
    try {
      return readFileSync(path.resolve(path.dirname(file), relative), 'utf8');
    } catch {
      return null;
    }
  };
  return loadSuite({ file: display, text }, project, readRelative);
}

/** The project's tests folder (dist.yaml `tests`, default `tests/`), absolute. */
async function testsFolder(root: string): Promise<string> {
  const { config } = await loadProject(root);
  return path.resolve(root, config.tests);
}

/** Every suite file under a folder, skipping `node_modules` and hidden folders. */
async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...(await walk(full)));
    } else if (SUITE_SUFFIXES.some((suffix) => entry.name.endsWith(suffix))) found.push(full);
  }
  return found;
}

function display(file: string, cwd: string): string {
  return path.relative(cwd, file) || '.';
}
