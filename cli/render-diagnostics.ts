// Renders diagnostics for people and machines: `text` (file:line:col, the source
// line and a caret underline, like a modern compiler), `json` (one stable object per
// diagnostic) and `github` (workflow-command annotations). Line and column are
// computed here, at the edge, from the files' texts.
import { LineIndex, type Position } from '../language/line-index';
import type { Diagnostic, Severity } from '../language/diagnostics';
import type { Style } from './output';

export type DiagnosticFormat = 'text' | 'json' | 'github';
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

/** Looks up a file's text (for line/column and the source excerpt); undefined if unknown. */
export type TextLookup = (file: string) => string | undefined;

/** A diagnostic with its positions resolved: what `--format json` prints. */
export interface LocatedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  help?: string;
  related?: { file: string; line: number; column: number; message: string }[];
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
    const start = at(d.file, d.span.start);
    const end = at(d.file, d.span.end);
    const located: LocatedDiagnostic = {
      file: d.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
    if (d.help) located.help = d.help;
    if (d.related?.length) {
      located.related = d.related.map((r) => ({ file: r.file, ...at(r.file, r.span.start), message: r.message }));
    }
    return located;
  });
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** The human format: header line, source line with a caret underline, help and related notes. */
export function renderText(
  diagnostics: readonly Diagnostic[],
  texts: TextLookup,
  paint: (style: Style, text: string) => string,
): string {
  const located = locate(diagnostics, texts);
  const out: string[] = [];
  for (const d of located) {
    const header = `${d.file}:${d.line}:${d.column}`;
    out.push(`${paint('bold', header)} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${paint('dim', d.code)} ${d.message}`);
    const text = texts(d.file);
    if (text !== undefined) {
      const index = new LineIndex(text);
      const source = index.lineText(d.line).replace(/\t/g, ' ');
      const gutter = String(d.line).length;
      const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, source.length - d.column + 1);
      out.push(`${' '.repeat(gutter + 1)}${paint('dim', '|')}`);
      out.push(`${paint('dim', `${d.line} |`)} ${source}`);
      out.push(
        `${' '.repeat(gutter + 1)}${paint('dim', '|')} ${' '.repeat(d.column - 1)}${paint(SEVERITY_STYLE[d.severity], '^'.repeat(width))}`,
      );
    }
    if (d.help) out.push(`  ${paint('cyan', 'help:')} ${d.help}`);
    for (const r of d.related ?? []) out.push(`  ${paint('cyan', 'note:')} ${r.file}:${r.line}:${r.column} ${r.message}`);
    out.push('');
  }
  out.push(summaryLine(diagnostics));
  return out.join('\n');
}

/** `2 errors, 1 warning` / `no problems`. */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const parts: string[] = [];
  for (const [severity, word] of [
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'note'],
  ] as const) {
    const n = count(severity);
    if (n > 0) parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  }
  return parts.length ? parts.join(', ') : 'no problems';
}

/** One JSON document: `{ diagnostics: LocatedDiagnostic[], errors, warnings }`. */
export function renderJson(diagnostics: readonly Diagnostic[], texts: TextLookup): string {
  const located = locate(diagnostics, texts);
  return JSON.stringify(
    {
      diagnostics: located,
      errors: located.filter((d) => d.severity === 'error').length,
      warnings: located.filter((d) => d.severity === 'warning').length,
    },
    null,
    2,
  );
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`. */
export function renderGithub(diagnostics: readonly Diagnostic[], texts: TextLookup): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return locate(diagnostics, texts)
    .map((d) => {
      const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${d.code}`;
      return `::${command[d.severity]} ${props}::${escapeData(d.message)}`;
    })
    .join('\n');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
