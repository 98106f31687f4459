// Line and column for diagnostics, computed at the edges (CLI, server, language
// server) from the files' texts: the one place offsets become positions for
// people. A diagnostic about a whole file or folder, whose text is not known,
// keeps no position.
import type { Diagnostic, Severity } from './diagnostics';
import { LineIndex, type Position } from './line-index';

/** Looks up a file's text (for line/column and the source excerpt); undefined if unknown. */
export type TextLookup = (file: string) => string | undefined;

/**
 * A diagnostic with its positions resolved: what `--format json` prints. A
 * diagnostic about a whole file or folder (one that cannot be read, a folder
 * without rules) has no line and column.
 */
export interface LocatedDiagnostic {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: string;
  message: string;
  help?: string;
  related?: { file: string; line: number; column: number; message: string }[];
  /** The example record of an analysis diagnostic (DIST401, DIST405), as an event would carry it. */
  witness?: unknown;
}

/** Resolves offsets to positions, building each file's line index once. */
export function locator(texts: TextLookup): (file: string, offset: number) => Position {
  const indexes = new Map<string, LineIndex>();
  return (file, offset) => {
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(texts(file) ?? '');
      indexes.set(file, index);
    }
    return index.position(offset);
  };
}

/** Adds line/column to every diagnostic. */
export function locate(diagnostics: readonly Diagnostic[], texts: TextLookup): LocatedDiagnostic[] {
  const at = locator(texts);
  return diagnostics.map((d) => {
    const located: LocatedDiagnostic = { file: d.file, severity: d.severity, code: d.code, message: d.message };
    if (texts(d.file) !== undefined) {
      const start = at(d.file, d.span.start);
      const end = at(d.file, d.span.end);
      Object.assign(located, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    }
    if (d.help) located.help = d.help;
    if (d.related?.length) {
      located.related = d.related.map((r) => ({ file: r.file, ...at(r.file, r.span.start), message: r.message }));
    }
    if (d.data?.witness !== undefined) located.witness = d.data.witness;
    return located;
  });
}

