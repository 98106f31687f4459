// Reads a project as it is at a git commit, without a checkout: `git ls-tree`
// lists the files of the project folder at that commit and one `git cat-file
// --batch` reads them, then the same steps as a folder on disk apply (dist.yaml,
// the `.dist` files under its rules folder, the directory). `dist diff
// origin/main HEAD` compares two such versions.
import { execFile, spawn } from 'node:child_process';
import { posix, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { decodeSource } from '../../language/decode';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../../language/diagnostics';
import type { CompileInput } from '../compile';
import { compileProject } from '../compile';
import type { CompiledFolder } from './compile-folder';
import { isSkippedFolder } from './find-files';
import { CONFIG_FILE, defaultConfig, readConfig, toPosix } from './project';

const run = promisify(execFile);

/** A git problem in user terms (not a repository, unknown ref). */
export class GitError extends Error {}

/** The commit a ref names in the repository around `cwd`; throws GitError when it names none. */
export async function resolveCommit(ref: string, cwd: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitError(`\`${ref}\` is not a git ref`);
  const out = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).catch(() => null);
  if (out === null) throw new GitError(`\`${ref}\` is neither a folder nor a commit of the git repository here`);
  return out.trim();
}

/** Reads and compiles the project in `folder` (relative to `cwd`, inside a git work tree) as it is at `commit`. */
export async function compileAtCommit(commit: string, folder: string, cwd: string): Promise<CompiledFolder> {
  const top = (await git(['rev-parse', '--show-toplevel'], cwd).catch(() => null))?.trim();
  if (!top) throw new GitError('not inside a git repository; pass two project folders instead of refs');
  const prefix = toPosix(relative(top, resolve(cwd, folder)).split(sep).join('/'));
  if (prefix.startsWith('..')) throw new GitError(`\`${folder}\` is outside the git repository at \`${top}\``);
  const under = prefix === '' || prefix === '.' ? '' : `${prefix}/`;
  const listed = (await git(['ls-tree', '-r', '-z', '--name-only', commit, '--', under || '.'], top)).split('\0').filter(Boolean);
  const files = new Set(listed.map((f) => f.slice(under.length)));
  if (files.size === 0) throw new GitError(`\`${folder}\` holds no files at commit ${commit.slice(0, 12)}`);
  const diagnostics: Diagnostic[] = [];
  const config = defaultConfig(resolve(top, prefix));
  const texts = await readBlobs(commit, top, [...files].filter((f) => f === CONFIG_FILE).map((f) => under + f));
  const decode = (file: string, bytes: Uint8Array) => {
    const decoded = decodeSource(bytes, file);
    diagnostics.push(...decoded.diagnostics);
    return decoded.text;
  };
  const configBytes = texts.get(under + CONFIG_FILE);
  const configText = configBytes ? decode(CONFIG_FILE, configBytes) : null;
  if (configText !== null) Object.assign(config, readConfig(configText, diagnostics));
  const rules = toPosix(config.rules);
  const distFiles = [...files].filter((f) => f.endsWith('.dist') && inFolder(f, rules)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const directoryFile = toPosix(config.directory);
  const blobs = await readBlobs(commit, top, [...distFiles, ...(files.has(directoryFile) ? [directoryFile] : [])].map((f) => under + f));
  const input: CompileInput = { sources: [], directory: null };
  for (const file of distFiles) input.sources.push({ file, text: decode(file, blobs.get(under + file)!) });
  if (distFiles.length === 0) diagnostics.push(diagnostic('DIST603', rules, EMPTY, `no \`.dist\` files under \`${rules}/\` at commit ${commit.slice(0, 12)}`));
  const directoryBytes = blobs.get(under + directoryFile);
  if (directoryBytes) input.directory = { file: directoryFile, text: decode(directoryFile, directoryBytes) };
  const result = compileProject(input);
  return { root: config.root, config, configText, input, result, diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]) };
}

const EMPTY = { start: 0, end: 0 };

/** True when `file` lies under `folder` and no folder on the way is skipped (hidden, node_modules). */
function inFolder(file: string, folder: string): boolean {
  const rest = folder === '.' ? file : file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : null;
  if (rest === null) return false;
  return !posix.dirname(rest).split('/').some((part) => part !== '.' && isSkippedFolder(part));
}

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

/** The contents of `paths` at `commit`, read through one `git cat-file --batch`. */
function readBlobs(commit: string, cwd: string, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  if (paths.length === 0) return Promise.resolve(new Map());
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new GitError(`git cat-file failed with exit code ${code}`));
      const out = Buffer.concat(chunks);
      const blobs = new Map<string, Uint8Array>();
      let at = 0;
      for (const path of paths) {
        const eol = out.indexOf(10, at);
        const header = out.subarray(at, eol).toString('utf8');
        const size = Number(/^\S+ blob (\d+)$/.exec(header)?.[1] ?? NaN);
        if (!Number.isFinite(size)) return fail(new GitError(`cannot read \`${path}\` at commit ${commit.slice(0, 12)}`));
        blobs.set(path, out.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      done(blobs);
    });
    child.stdin.end(paths.map((p) => `${commit}:${p}\n`).join(''));
  });
}
