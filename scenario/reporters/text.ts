// The human reporter: one line per case (`✓ name` / `✗ name`), failure details
// indented below it (expected, actual, the rule's `file:line` and the explain
// trace), invalid suites with their errors, the coverage tables, and last the plain
// summary line `N passed, N failed` that CI tools read.
import { coverageTable } from '../coverage';
import { summarize, summaryLine, type CaseResult } from '../results';
import { show, type RunReport } from './report';

/** Colours a piece of text (identity when colour is off). */
export type Paint = (style: 'red' | 'green' | 'dim' | 'bold', text: string) => string;

const plain: Paint = (_style, text) => text;

/** Renders a run as text; the last line is always the bare summary. */
export function renderTextReport(report: RunReport, paint: Paint = plain): string {
  const out: string[] = [];
  for (const suite of report.suites) {
    if (suite.errors.length === 0 && suite.cases.length === 0) continue;
    out.push(paint('bold', suite.file));
    if (suite.errors.length > 0) {
      out.push(`  ${paint('red', '✗')} invalid suite`);
      for (const e of suite.errors) out.push(`      ${e.file}:${e.line}:${e.column}: ${e.message}`);
    }
    for (const c of suite.cases) out.push(...caseLines(c, suite.file, paint));
    out.push('');
  }
  for (const coverage of report.coverage) out.push(coverageTable(coverage), '');
  out.push(summaryLine(summarize(report.suites)));
  return out.join('\n');
}

function caseLines(c: CaseResult, file: string, paint: Paint): string[] {
  if (c.passed) return [`  ${paint('green', '✓')} ${c.name}`];
  const lines = [`  ${paint('red', '✗')} ${c.name}`];
  const f = c.failure;
  if (!f) return lines;
  const pad = '      ';
  lines.push(`${pad}${file}:${f.stepLine}: step ${f.step}, ${f.check}: ${f.message}`);
  if (f.expected !== undefined || f.actual !== undefined) {
    lines.push(`${pad}expected: ${show(f.expected)}`);
    lines.push(`${pad}actual:   ${show(f.actual)}`);
  }
  if (f.ruleLocation) lines.push(`${pad}rule:     ${f.decision?.rule ?? ''} (${f.ruleLocation})`);
  if (f.explain) {
    lines.push(`${pad}explain:`);
    for (const line of f.explain.trimEnd().split('\n')) lines.push(paint('dim', `${pad}  ${line}`));
  }
  return lines;
}
