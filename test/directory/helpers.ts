// Shared fixtures for the directory tests: the `schema user` of DIRECTORY.md's
// example, and a helper that renders diagnostics as `CODE line:column` with LineIndex.
import type { FieldType } from '../../compiler/ir';
import { loadDirectory, type DirectoryContext } from '../../compiler/directory/load';
import type { Diagnostic } from '../../language/diagnostics';
import { LineIndex } from '../../language/line-index';

/** `schema user` matching the fields of DIRECTORY.md's example. */
export const USER_SCHEMA: Record<string, FieldType> = {
  department: { type: 'text' },
  grade: { type: 'choice', options: ['A', 'B', 'C'] },
  languages: { type: 'list', element: { type: 'text' } },
  daily_cap: { type: 'number' },
  max_open: { type: 'number' },
};

export const CTX: DirectoryContext = { userSchema: USER_SCHEMA, timezone: 'Asia/Kolkata' };

/** Each diagnostic as `DIST5xx line:column` of its start. */
export function located(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const { line, column } = index.position(d.span.start);
    return `${d.code} ${line}:${column}`;
  });
}

/** Loads `text` as directory.yaml with the example's schema and zone. */
export function load(text: string, ctx: DirectoryContext = CTX) {
  return loadDirectory(text, 'directory.yaml', ctx);
}
