// The JUnit XML reporter, for CI dashboards: one <testsuite> per suite file, one
// <testcase> per case, <failure> for a failing case and <error> for an invalid
// suite. Every attribute and text is escaped; characters XML cannot hold are dropped.
import { summarize, type CaseResult, type SuiteResult } from '../results';
import { show, type RunReport } from './report';

/** Renders a run as a JUnit XML document. */
export function renderJunitReport(report: RunReport): string {
  const summary = summarize(report.suites);
  const time = seconds(report.suites.flatMap((s) => s.cases).reduce((t, c) => t + c.durationMs, 0));
  const total = summary.passed + summary.failed;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dist test" tests="${total}" failures="${summary.failed - summary.invalidSuites}" errors="${summary.invalidSuites}" time="${time}">`,
  ];
  for (const suite of report.suites) lines.push(...suiteXml(suite));
  lines.push('</testsuites>');
  return lines.join('\n');
}

function suiteXml(suite: SuiteResult): string[] {
  const invalid = suite.errors.length > 0;
  const failures = suite.cases.filter((c) => !c.passed).length;
  const time = seconds(suite.cases.reduce((t, c) => t + c.durationMs, 0));
  const tests = suite.cases.length + (invalid ? 1 : 0);
  const lines = [
    `  <testsuite name="${xml(suite.file)}" tests="${tests}" failures="${failures}" errors="${invalid ? 1 : 0}" time="${time}">`,
  ];
  if (invalid) {
    const message = suite.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
    lines.push(`    <testcase name="(load suite)" classname="${xml(suite.file)}" time="0">`);
    lines.push(`      <error message="${xml(message[0]!)}" type="invalid-suite">${xml(message.join('\n'))}</error>`);
    lines.push('    </testcase>');
  }
  for (const c of suite.cases) lines.push(...caseXml(c, suite.file));
  lines.push('  </testsuite>');
  return lines;
}

function caseXml(c: CaseResult, file: string): string[] {
  const open = `    <testcase name="${xml(c.name)}" classname="${xml(file)}" time="${seconds(c.durationMs)}"`;
  const f = c.failure;
  if (c.passed || !f) return [`${open}/>`];
  const details = [
    `${file}:${f.stepLine}: step ${f.step}, ${f.check}: ${f.message}`,
    ...(f.expected !== undefined || f.actual !== undefined ? [`expected: ${show(f.expected)}`, `actual:   ${show(f.actual)}`] : []),
    ...(f.ruleLocation ? [`rule: ${f.ruleLocation}`] : []),
    ...(f.explain ? ['', f.explain.trimEnd()] : []),
  ];
  return [
    `${open}>`,
    `      <failure message="${xml(`${f.check}: ${f.message}`)}" type="${xml(f.check)}">${xml(details.join('\n'))}</failure>`,
    '    </testcase>',
  ];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot contain. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
