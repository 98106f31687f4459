// `dist fmt`: the canonical layout of a `.dist` file (docs/formatting.md). A
// pretty-printer over the AST plus the comment channel: layout decides rows
// (format-decl, format-rule, format-expr), comments are placed on rows
// (format-comments) and rows are rendered (format-doc). Broken code is never
// formatted: with a syntax error the text comes back unchanged. Every output is
// proved before it is returned (format-check): when it would not parse back to
// the same tree with every comment, the text comes back unchanged with DIST008.
import type { SourceFile } from './ast';
import { diagnostic, type Diagnostic } from './diagnostics';
import { formatProblem } from './format-check';
import { printFile } from './format-decl';
import { parse } from './parse';

/** The outcome of formatting one file. */
export interface FormatResult {
  /** The formatted text, or the input unchanged when it has syntax errors. */
  text: string;
  /** True when `text` differs from the input. */
  changed: boolean;
  /** The parser's diagnostics, and DIST008 when the output failed its proof (formatting happened only if none is an error). */
  diagnostics: Diagnostic[];
}

/** Line endings of any kind become `\n`. */
function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Formats one file. With syntax errors, returns the text unchanged plus the diagnostics (never formats broken code). */
export function formatSource(text: string, file: string): FormatResult {
  const source = normaliseLineEndings(text);
  const { ast, diagnostics } = parse(source, file);
  const broken = diagnostics.some((d) => d.severity === 'error') || ast.declarations.some((d) => d.recovered);
  if (broken) return { text, changed: false, diagnostics };
  const formatted = formatAst(ast, source);
  const problem = formatted === source ? null : formatProblem(ast, formatted);
  if (problem) {
    const refused = diagnostic('DIST008', file, { start: 0, end: 0 }, `not formatted: ${problem}; the file is left as it is, please report this`);
    return { text, changed: false, diagnostics: [...diagnostics, refused] };
  }
  return { text: formatted, changed: formatted !== text, diagnostics };
}

/**
 * Prints a parsed file in the canonical layout. `text` is the source the AST was
 * parsed from (used for comments and the empty lines around them). The AST must
 * be free of syntax errors: a dropped clause would be dropped from the output too.
 */
export function formatAst(ast: SourceFile, text: string): string {
  return printFile(ast, text);
}
