// Renders diagnostics for people and machines: `text` (file:line:col, the source
// line and a caret underline, like a modern compiler), `json` (one stable object per
// diagnostic) and `github` (workflow-command annotations). Line and column are
// computed here, at the edge, from the files' texts.
import { LineIndex } from '../language/line-index';
import type { Style } from './output';
import { locate, type Diagnostic, type Severity, type TextLookup } from '../api';

export type { TextLookup } from '../language/locate';

export type DiagnosticFormat = 'text' | 'json' | 'github';
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

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
    const header = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column}`;
    out.push(`${paint('bold', header)} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${paint('dim', d.code)} ${d.message}`);
    const text = texts(d.file);
    if (text !== undefined && d.line !== undefined) {
      const line = new LineIndex(text).lineText(d.line);
      const end = d.endLine === d.line ? Math.max(d.endColumn!, d.column! + 1) : line.length + 1;
      const excerpt = excerptOf(line, d.column! - 1, end - 1);
      const gutter = String(d.line).length;
      out.push(`${' '.repeat(gutter + 1)}${paint('dim', '|')}`);
      out.push(`${paint('dim', `${d.line} |`)} ${excerpt.text}`);
      out.push(
        `${' '.repeat(gutter + 1)}${paint('dim', '|')} ${' '.repeat(excerpt.start)}${paint(SEVERITY_STYLE[d.severity], '^'.repeat(excerpt.width))}`,
      );
    }
    if (d.help) out.push(`  ${paint('cyan', 'help:')} ${d.help}`);
    for (const r of d.related ?? []) out.push(`  ${paint('cyan', 'note:')} ${r.file}:${r.line}:${r.column} ${r.message}`);
    out.push('');
  }
  out.push(summaryLine(diagnostics));
  return out.join('\n');
}

const EXCERPT_WIDTH = 100;

/**
 * The part of a source line to show (at most ~100 columns around the problem, with
 * `…` where cut), control characters made visible (U+0000 → ␀), and where the caret
 * underline starts and how wide it is in that excerpt.
 */
function excerptOf(line: string, start: number, end: number): { text: string; start: number; width: number } {
  const from = line.length <= EXCERPT_WIDTH ? 0 : Math.max(0, Math.min(start - 20, line.length - EXCERPT_WIDTH));
  const to = Math.min(line.length, from + EXCERPT_WIDTH);
  const visible = (part: string) =>
    Array.from(part, (c) => {
      const code = c.charCodeAt(0);
      if (c === '\t') return ' ';
      if (code < 0x20) return String.fromCharCode(0x2400 + code);
      return code === 0x7f ? '\u2421' : c;
    }).join('');
  const head = from > 0 ? '…' : '';
  const text = `${head}${visible(line.slice(from, to))}${to < line.length ? '…' : ''}`;
  const caretStart = head.length + Math.max(0, start - from);
  const width = Math.max(1, Math.min(end, to) - Math.max(start, from));
  return { text, start: caretStart, width };
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

/** One JSON document: `{ diagnostics: LocatedDiagnostic[], errors, warnings }` plus `extra` keys (`gaps`). */
export function renderJson(diagnostics: readonly Diagnostic[], texts: TextLookup, extra: Record<string, unknown> = {}): string {
  const located = locate(diagnostics, texts);
  return JSON.stringify(
    {
      diagnostics: located,
      errors: located.filter((d) => d.severity === 'error').length,
      warnings: located.filter((d) => d.severity === 'warning').length,
      ...extra,
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
      const place = d.line === undefined ? '' : `,line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn}`;
      const props = `file=${escapeProperty(d.file)}${place},title=${d.code}`;
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
