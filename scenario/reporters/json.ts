// The machine reporter: one JSON document (shape documented in
// docs/testing-decisions.md). `version` changes only when the shape does.
import { summarize, type CaseResult, type SuiteResult } from '../results';
import type { RunReport } from './report';

/** Version of the JSON shape below. */
export const JSON_REPORT_VERSION = 1;

/** Renders a run as one JSON document. */
export function renderJsonReport(report: RunReport): string {
  const document: Record<string, unknown> = {
    version: JSON_REPORT_VERSION,
    summary: summarize(report.suites),
    suites: report.suites.map(suiteJson),
  };
  if (report.coverage.length > 0) document.coverage = report.coverage;
  return JSON.stringify(document, null, 2);
}

function suiteJson(suite: SuiteResult): Record<string, unknown> {
  return { file: suite.file, valid: suite.errors.length === 0, errors: suite.errors, cases: suite.cases.map(caseJson) };
}

function caseJson(c: CaseResult): Record<string, unknown> {
  const json: Record<string, unknown> = {
    name: c.name,
    line: c.line,
    status: c.passed ? 'passed' : 'failed',
    durationMs: Math.round(c.durationMs * 1000) / 1000,
  };
  if (c.failure) {
    const { decision, ...rest } = c.failure;
    json.failure = { ...rest, decision: decision ?? null };
  }
  return json;
}
