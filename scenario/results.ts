// What a scenario run produces, for the reporters: per suite either its load
// errors or its case results; per failing case the step, the expect key that
// failed, expected and actual values, and the decision that differed.
import type { SuiteError } from './suite-errors';
import { type ExplainedDecision } from '../api';

/** Turns a rule id into `rules/inbound.dist:12` (null when unknown). */
export type RuleLocator = (ruleId: string) => string | null;

/** One suite file: `errors` non-empty means it was invalid and did not run. */
export interface SuiteResult {
  file: string;
  errors: SuiteError[];
  cases: CaseResult[];
}

export interface CaseResult {
  name: string;
  /** 1-based line of the case in its suite. */
  line: number;
  passed: boolean;
  durationMs: number;
  failure?: CaseFailure;
  /** The ids of the rules the case's decisions reached, when the run was asked for them. */
  reached?: string[];
}

export interface CaseFailure {
  /** 1-based index of the failing step. */
  step: number;
  /** 1-based line of the failing step in the suite. */
  stepLine: number;
  /** The `expect` key that failed, or `event` (refused), `clock` or `decision` (none made). */
  check: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** The decision that differed, with its explain trace. */
  decision?: ExplainedDecision;
  /** Its explain trace as text. */
  explain?: string;
  /** `file:line` of the decision's rule. */
  ruleLocation?: string;
}

/** Counts over a whole run; an invalid suite counts as one failure. */
export interface RunSummary {
  passed: number;
  failed: number;
  invalidSuites: number;
}

/** Counts passed and failed cases, adding one failure per invalid suite. */
export function summarize(suites: readonly SuiteResult[]): RunSummary {
  let passed = 0;
  let failed = 0;
  let invalidSuites = 0;
  for (const suite of suites) {
    if (suite.errors.length > 0) invalidSuites++;
    for (const c of suite.cases) {
      if (c.passed) passed++;
      else failed++;
    }
  }
  return { passed, failed: failed + invalidSuites, invalidSuites };
}

/** The summary line every format ends with: `N passed, N failed`. */
export function summaryLine(summary: RunSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}
