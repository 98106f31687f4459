// The input of every reporter: the results of all suites of a run and, with
// `--coverage`, one coverage report per project.
import type { CoverageReport } from '../coverage';
import type { SuiteResult } from '../results';

export interface RunReport {
  suites: SuiteResult[];
  /** Empty unless coverage was asked for. */
  coverage: CoverageReport[];
}

/** The formats `dist test --format` offers. */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'tap'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A value as failure details print it: JSON for lists and objects, the text itself for strings. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
