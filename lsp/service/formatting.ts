// Formatting: the whole document in the canonical layout, as one edit. A file with
// syntax errors, or whose output fails the formatter's own proof, is not formatted;
// the reason comes back for the editor to show.
import type { TextEdit } from 'vscode-languageserver-types';
import { formatSource } from '../../language/format';
import type { ServiceContext } from './context';

/** The edits that format a file, or why it was left as it is. */
export interface FormatOutcome {
  edits: TextEdit[];
  /** Set when the file was not formatted: the first error, as a sentence with its line. */
  refused: string | null;
}

/** Formats a `.dist` file of the project. */
export function formatting(ctx: ServiceContext, file: string): FormatOutcome {
  const text = ctx.text(file);
  if (!text || !file.endsWith('.dist')) return { edits: [], refused: null };
  const result = formatSource(text.text, file);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error) {
    const line = text.position(error.span.start).line + 1;
    return { edits: [], refused: `${file} is not formatted: ${error.code} at line ${line}: ${error.message}` };
  }
  if (!result.changed) return { edits: [], refused: null };
  return { edits: [{ range: text.range({ start: 0, end: text.text.length }), newText: result.text }], refused: null };
}
