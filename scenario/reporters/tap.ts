// The TAP reporter (TAP version 14): the plan, `ok N - suite > case` per case,
// `not ok` with a YAML diagnostic block for failures and invalid suites, and the
// summary as the closing comment.
import { stringify } from 'yaml';
import { summarize, summaryLine } from '../results';
import type { RunReport } from './report';

/** Renders a run as a TAP 14 stream. */
export function renderTapReport(report: RunReport): string {
  const points: { ok: boolean; name: string; diagnostic?: Record<string, unknown> }[] = [];
  for (const suite of report.suites) {
    if (suite.errors.length > 0) {
      points.push({
        ok: false,
        name: `${suite.file} > (load suite)`,
        diagnostic: { message: 'invalid suite', errors: suite.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`) },
      });
    }
    for (const c of suite.cases) {
      const f = c.failure;
      const diagnostic = f
        ? {
            message: f.message,
            severity: 'fail',
            at: `${suite.file}:${f.stepLine}`,
            step: f.step,
            check: f.check,
            ...(f.expected !== undefined ? { expected: f.expected } : {}),
            ...(f.actual !== undefined ? { actual: f.actual } : {}),
            ...(f.ruleLocation ? { rule: f.ruleLocation } : {}),
            ...(f.explain ? { explain: f.explain.trimEnd() } : {}),
          }
        : undefined;
      points.push({ ok: c.passed, name: `${suite.file} > ${c.name}`, ...(diagnostic ? { diagnostic } : {}) });
    }
  }
  const lines = ['TAP version 14', `1..${points.length}`];
  points.forEach((p, i) => {
    lines.push(`${p.ok ? 'ok' : 'not ok'} ${i + 1} - ${escapeDescription(p.name)}`);
    if (p.diagnostic) {
      lines.push('  ---');
      for (const line of stringify(p.diagnostic, { lineWidth: 0 }).trimEnd().split('\n')) lines.push(`  ${line}`);
      lines.push('  ...');
    }
  });
  lines.push(`# ${summaryLine(summarize(report.suites))}`);
  return lines.join('\n');
}

/** A description may not contain an unescaped `#` (it would start a directive) or a line break. */
function escapeDescription(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/[\r\n]+/g, ' ');
}
