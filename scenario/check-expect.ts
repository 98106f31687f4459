// Checks one step's `expect` against the decisions the step made (TESTING.md):
// `rule`, `outcome`, `assigned`, `reason`, `queue`, `turnover` and `chosen_by` look at the step's last
// decision; `assigned_sequence` at one decision per event sent (or per timer
// firing in a step without an event); `not_assigned` at every decision.
import type { CaseFailure, RuleLocator } from './results';
import type { ExpectInput } from './suite-schema';
import { explainText, type Decision, type ExplainedDecision, type InputIssue } from '../api';

/** The decisions of one step: timers fired while the clock moved, then the events sent. */
export interface StepDecisions {
  timers: Decision[];
  events: Decision[];
  /** Whether the step sent an event or payload (then `assigned_sequence` follows the events). */
  hasEvent: boolean;
  /** The step's last payload failed its map: its issues, and the queue that kept it (null: rejected). */
  invalid: { issues: InputIssue[]; queue: string | null } | null;
}

type Failure = Omit<CaseFailure, 'step' | 'stepLine'>;

/** Rebuilds a decision's explain trace (`Engine.explain`). */
export type Explain = (decision: Decision) => ExplainedDecision;

/** The first failing expectation, in the order the keys are documented; null when all hold. */
export function checkExpect(expect: ExpectInput, decisions: StepDecisions, locate: RuleLocator, explain: Explain): Failure | null {
  if (decisions.invalid) return checkInvalid(expect, decisions.invalid);
  if (expect.invalid_fields !== undefined) {
    return { check: 'invalid_fields', message: 'expected the payload to fail its map, but it passed', expected: expect.invalid_fields, actual: [] };
  }
  const all = [...decisions.timers, ...decisions.events];
  const last = decisions.events.at(-1) ?? decisions.timers.at(-1);
  const needsLast = Object.keys(expect).some((k) => k !== 'not_assigned' && k !== 'assigned_sequence');
  if (needsLast && !last) {
    return { check: 'decision', message: 'this step made no decision (no event was sent and no timer came due)' };
  }
  const fail = (check: string, message: string, expected: unknown, actual: unknown, decision: Decision | undefined): Failure =>
    withDecision({ check, message, expected, actual }, decision, locate, explain);

  if (expect.rule !== undefined && last!.rule !== expect.rule) {
    return fail('rule', `expected rule \`${expect.rule}\` to take the record, got ${name(last!.rule)}`, expect.rule, last!.rule, last);
  }
  if (expect.outcome !== undefined && last!.outcome !== expect.outcome) {
    return fail('outcome', `expected outcome \`${expect.outcome}\`, got \`${last!.outcome}\``, expect.outcome, last!.outcome, last);
  }
  if (expect.assigned !== undefined && !sameList(expect.assigned, last!.assigned)) {
    return fail('assigned', 'the last decision assigned other users', expect.assigned, last!.assigned, last);
  }
  if (expect.assigned_sequence !== undefined) {
    const source = decisions.hasEvent ? decisions.events : decisions.timers;
    const actual = source.map((d) => d.assigned[0] ?? null);
    if (!sameList(expect.assigned_sequence, actual)) {
      const at = firstDifference(expect.assigned_sequence, actual);
      const message = `the sequence differs at position ${at + 1}`;
      return fail('assigned_sequence', message, expect.assigned_sequence, actual, source[Math.min(at, source.length - 1)]);
    }
  }
  if (expect.not_assigned !== undefined) {
    for (const decision of all) {
      const hit = decision.assigned.find((u) => expect.not_assigned!.includes(u));
      if (hit !== undefined) {
        return fail('not_assigned', `\`${hit}\` was assigned but must not be`, expect.not_assigned, decision.assigned, decision);
      }
    }
  }
  if (expect.reason !== undefined && !(last!.reason ?? '').includes(expect.reason)) {
    return fail('reason', `expected the reason to contain \`${expect.reason}\`, got ${name(last!.reason)}`, expect.reason, last!.reason, last);
  }
  if (expect.queue !== undefined && last!.queue !== expect.queue) {
    return fail('queue', `expected queue \`${expect.queue}\`, got ${name(last!.queue)}`, expect.queue, last!.queue, last);
  }
  const turnover = last?.trace.turnover?.total ?? 0;
  if (expect.turnover !== undefined && turnover !== expect.turnover) {
    return fail('turnover', `expected a turnover of ${expect.turnover}, got ${turnover}`, expect.turnover, turnover, last);
  }
  if (expect.chosen_by !== undefined) return checkChosenBy(expect.chosen_by, last!, fail);
  return null;
}

/** `chosen_by`: the users each rule of the last decision's workflow chose. */
function checkChosenBy(
  expected: Record<string, string[]>,
  last: Decision,
  fail: (check: string, message: string, expected: unknown, actual: unknown, decision: Decision) => Failure,
): Failure | null {
  const steps = last.trace.workflow?.steps;
  if (!steps) return fail('chosen_by', `expected a workflow's decision, but ${name(last.rule)} is in no workflow`, expected, null, last);
  const want = new Map(Object.entries(expected));
  const actual = new Map(steps.filter((s) => s.assigned.length > 0).map((s) => [s.rule, s.assigned]));
  for (const rule of want.keys()) {
    if (!steps.some((s) => s.rule === rule)) {
      return fail('chosen_by', `rule \`${rule}\` is not in workflow \`${last.trace.workflow!.workflow}\``, expected, Object.fromEntries(actual), last);
    }
  }
  for (const step of steps) {
    const chose = actual.get(step.rule) ?? [];
    if (!sameList(want.get(step.rule) ?? [], chose)) {
      return fail('chosen_by', `rule \`${step.rule}\` chose ${chose.length > 0 ? chose.map((u) => `\`${u}\``).join(', ') : 'nobody'}${step.reason ? ` (${step.reason})` : ''}`, expected, Object.fromEntries(actual), last);
    }
  }
  return null;
}

/** The expectations of a step whose last payload failed its map. */
function checkInvalid(expect: ExpectInput, invalid: NonNullable<StepDecisions['invalid']>): Failure | null {
  const shown = invalid.issues.map((i) => `\`${i.path}\`: ${i.message}`).join('; ');
  if (expect.outcome !== undefined && expect.outcome !== 'invalid') {
    return { check: 'outcome', message: `expected outcome \`${expect.outcome}\`, but the payload failed its map: ${shown}`, expected: expect.outcome, actual: 'invalid' };
  }
  const fields = [...new Set(invalid.issues.map((i) => i.path))].sort();
  const expected = [...new Set(expect.invalid_fields ?? fields)].sort();
  if (!sameList(expected, fields)) {
    return { check: 'invalid_fields', message: `other fields failed the map: ${shown}`, expected: expect.invalid_fields, actual: fields };
  }
  if (expect.queue !== undefined && invalid.queue !== expect.queue) {
    return { check: 'queue', message: `expected queue \`${expect.queue}\`, got ${name(invalid.queue)} (${shown})`, expected: expect.queue, actual: invalid.queue };
  }
  const key = (['rule', 'assigned', 'assigned_sequence', 'reason', 'turnover', 'chosen_by'] as const).find((k) => expect[k] !== undefined);
  if (key) return { check: key, message: `the payload failed its map, so no decision was made: ${shown}`, expected: expect[key], actual: null };
  return null;
}

function withDecision(failure: Failure, decision: Decision | undefined, locate: RuleLocator, explain: Explain): Failure {
  if (!decision) return failure;
  const location = decision.ruleId ? locate(decision.ruleId) : null;
  const explained = explain(decision);
  return {
    ...failure,
    decision: explained,
    explain: explainText(explained, (ruleId) => locate(ruleId) ?? ruleId),
    ...(location ? { ruleLocation: location } : {}),
  };
}

function name(value: string | null): string {
  return value === null ? 'none' : `\`${value}\``;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function firstDifference(a: readonly unknown[], b: readonly unknown[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
