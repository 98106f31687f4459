// Helpers for compiler tests: read a small project folder into a CompileInput,
// and render diagnostics as `file:line:col: severity CODE message` lines.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CompileInput } from '../../compiler/compile';
import type { Diagnostic } from '../../language/diagnostics';
import { LineIndex } from '../../language/line-index';

/** Every `rules/**\/*.dist` and the optional directory.yaml of a folder. */
export function readFixture(dir: string): CompileInput {
  const sources: CompileInput['sources'] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = `${rel}/${name}`;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else if (name.endsWith('.dist')) sources.push({ file: path, text: readFileSync(join(dir, path), 'utf8') });
    }
  };
  if (existsSync(join(dir, 'rules'))) walk('rules');
  const directoryPath = join(dir, 'directory.yaml');
  const directory = existsSync(directoryPath) ? { file: 'directory.yaml', text: readFileSync(directoryPath, 'utf8') } : null;
  return { sources, directory };
}

/** An input from a `{ path: text }` table (`directory.yaml` becomes the directory). */
export function inputFromFiles(files: Record<string, string>): CompileInput {
  const sources = Object.entries(files)
    .filter(([file]) => file !== 'directory.yaml')
    .map(([file, text]) => ({ file, text }));
  const directory = files['directory.yaml'] === undefined ? null : { file: 'directory.yaml', text: files['directory.yaml'] };
  return { sources, directory };
}

/** Line and column of each diagnostic's start. */
export function located(diagnostics: Diagnostic[], input: CompileInput): Array<Diagnostic & { line: number; column: number }> {
  const texts = new Map(input.sources.map((s) => [s.file, s.text]));
  if (input.directory) texts.set(input.directory.file, input.directory.text);
  const indexes = new Map<string, LineIndex>();
  return diagnostics.map((d) => {
    let index = indexes.get(d.file);
    if (!index) {
      index = new LineIndex(texts.get(d.file) ?? '');
      indexes.set(d.file, index);
    }
    return { ...d, ...index.position(d.span.start) };
  });
}

/** `file:line:col: severity CODE message`, one line per diagnostic. */
export function formatDiagnostics(diagnostics: Diagnostic[], input: CompileInput): string {
  return located(diagnostics, input)
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n`)
    .join('');
}
