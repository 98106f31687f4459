// `dist fmt [--check] [PATH…]`: rewrites `.dist` files in the canonical layout, or
// with --check reports (with a diff) the files that would change and exits 1.
// Files with syntax errors are never rewritten; their diagnostics are printed.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { findDistFiles } from '../../compiler/node/find-files';
import { decodeSource } from '../../language/decode';
import { formatSource } from '../../language/format';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, painter, writeError, writeOut } from '../output';
import { renderText } from '../render-diagnostics';
import { type Diagnostic } from '../../api';

export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .summary('format .dist files in the canonical layout')
    .description(
      'Formats every `.dist` file under the given paths (default: the current folder; hidden folders and node_modules are skipped) in place.\n' +
        'With --check, changes nothing: prints a diff for each file that would change and exits 1 if any would.\n' +
        'Exit status: 0 nothing to change, 1 files would change or have syntax errors, 2 usage or I/O problems.',
    )
    .argument('[paths...]', 'files or folders to format', ['.'])
    .option('--check', 'report files that are not formatted, without changing them')
    .addHelpText('after', '\nExamples:\n  dist fmt\n  dist fmt --check rules/')
    .action(async (paths: string[], options: { check?: boolean }) => {
      process.exitCode = await runFmt(paths, Boolean(options.check));
    });
}

async function runFmt(paths: string[], check: boolean): Promise<number> {
  const files: string[] = [];
  for (const target of paths) {
    const info = await stat(target).catch(() => null);
    if (!info) {
      writeError(`dist fmt: no such file or folder \`${target}\``);
      return EXIT_USAGE;
    }
    if (!info.isDirectory()) {
      files.push(target);
      continue;
    }
    const unreadable: string[] = [];
    const found = await findDistFiles(target, '.', (folder) => unreadable.push(path.join(target, folder)));
    if (unreadable.length > 0) {
      writeError(`dist fmt: cannot read the folder \`${unreadable[0]}\`; check its permissions`);
      return EXIT_USAGE;
    }
    files.push(...found.map((file) => path.join(target, file)));
  }
  const paint = painter();
  let failed = false;
  for (const file of files) {
    const bytes = await readFile(file);
    const decoded = decodeSource(bytes, file);
    const result = formatSource(decoded.text, file);
    const problems: Diagnostic[] = [...decoded.diagnostics, ...result.diagnostics];
    if (problems.some((d) => d.severity === 'error')) {
      writeError(renderText(problems, (f) => (f === file ? decoded.text : undefined), painter(process.stderr)));
      failed = true;
      continue;
    }
    if (!result.changed) continue;
    if (check) {
      writeOut(colorDiff(createTwoFilesPatch(file, file, decoded.text, result.text, '', 'formatted'), paint));
      failed = true;
    } else {
      await writeFile(file, result.text);
      writeOut(`formatted ${file}`);
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

function colorDiff(patch: string, paint: ReturnType<typeof painter>): string {
  return patch
    .split('\n')
    .map((line) =>
      line.startsWith('+') && !line.startsWith('+++')
        ? paint('green', line)
        : line.startsWith('-') && !line.startsWith('---')
          ? paint('red', line)
          : line.startsWith('@@')
            ? paint('cyan', line)
            : line,
    )
    .join('\n');
}
