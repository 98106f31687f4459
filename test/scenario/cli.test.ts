// `dist test` and `dist explain` end to end, as a subprocess: exit codes 0/1/2 and
// output for a passing project, a failing suite, an invalid suite, a project that
// does not compile and a missing path; the examples' suites all pass.
import { describe, expect, it } from 'vitest';
import { dist } from '../helpers/run-dist';

const FIXTURES = 'test/scenario/fixtures';

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)!;
}

describe('dist test', { timeout: 120_000 }, () => {
  it('passes a project folder (its tests/) with exit 0', () => {
    const run = dist('test', `${FIXTURES}/project`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  ✓ web leads alternate');
    expect(lastLine(run.stdout)).toBe('2 passed, 0 failed');
  });

  it('reports a failing case with expected, actual, the rule and the trace, exit 1', () => {
    const run = dist('test', `${FIXTURES}/project/broken/fail.test.yaml`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  ✗ expects the wrong user');
    expect(run.stdout).toContain('fail.test.yaml:7: step 1, assigned: the last decision assigned other users');
    expect(run.stdout).toContain('      expected: ["b@x.test"]');
    expect(run.stdout).toContain('      actual:   ["a@x.test"]');
    expect(run.stdout).toMatch(/rule: {5}Web leads \(test\/scenario\/fixtures\/project\/rules\/main\.dist:11\)/);
    expect(run.stdout).toContain('outcome: assigned → a@x.test');
    expect(lastLine(run.stdout)).toBe('1 passed, 1 failed');
  });

  it('reports an invalid suite with file:line:column and still runs the others', () => {
    const run = dist('test', `${FIXTURES}/project/broken/invalid.test.yaml`, `${FIXTURES}/project/tests`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('invalid.test.yaml:3:5: unknown key `evnt` in a case');
    expect(run.stdout).toContain('  ✓ other leads are unmatched');
    expect(lastLine(run.stdout)).toBe('2 passed, 1 failed');
  });

  it('prints the diagnostics of a project that does not compile and fails its suites', () => {
    const run = dist('test', `${FIXTURES}/uncompilable`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DIST003');
    expect(run.stdout).toContain('does not compile');
    expect(lastLine(run.stdout)).toBe('0 passed, 1 failed');
  });

  it('exits 2 for a missing path', () => {
    const run = dist('test', 'no/such/place');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dist test: no such file or folder `no/such/place`');
  });

  it('filters cases by name and fails when nothing matches', () => {
    expect(lastLine(dist('test', `${FIXTURES}/project`, '--filter', 'ALTERNATE').stdout)).toBe('1 passed, 0 failed');
    const none = dist('test', `${FIXTURES}/project`, '--filter', 'zzz');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no case name contains `zzz`');
  });

  it('runs only the cases that reach a rule, and names an unknown or unreached rule', () => {
    const reached = dist('test', 'examples/tour', '--rule', 'all-website-leads');
    expect(reached.stdout).toContain('team weights 2/1');
    expect(reached.stdout).toContain('the timer re-assigns an untouched lead');
    expect(reached.stdout).not.toContain('high-score website lead goes to inside sales');
    expect(lastLine(reached.stdout)).toBe('2 passed, 0 failed');
    const unreached = dist('test', 'examples/tour', '--rule', 'east-renewals');
    expect(unreached.code).toBe(1);
    expect(unreached.stderr).toContain('no case reaches rule `east-renewals`');
    const unknown = dist('test', 'examples/tour', '--rule', 'all-websites-leads');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no rule has the id `all-websites-leads`; did you mean `all-website-leads`?');
  });

  it('writes JSON, JUnit and TAP', () => {
    const json = JSON.parse(dist('test', `${FIXTURES}/project`, '--format', 'json').stdout);
    expect(json.summary).toEqual({ passed: 2, failed: 0, invalidSuites: 0 });
    expect(dist('test', `${FIXTURES}/project`, '--format', 'junit').stdout).toMatch(/^<\?xml[^]*<testsuites [^]*<\/testsuites>\n$/);
    const tap = dist('test', `${FIXTURES}/project`, '--format', 'tap').stdout.split('\n');
    expect(tap.slice(0, 3)).toEqual(['TAP version 14', '1..2', 'ok 1 - test/scenario/fixtures/project/tests/pass.test.yaml > web leads alternate']);
  });

  it('reports coverage before the summary', () => {
    const run = dist('test', `${FIXTURES}/project`, '--coverage');
    expect(run.stdout).toContain('  Web leads (test/scenario/fixtures/project/rules/main.dist:11): tried 4, matched 3');
    expect(run.stdout).toContain('✓ true  ✓ false  lead.source == "Web"');
    expect(lastLine(run.stdout)).toBe('2 passed, 0 failed');
    const json = JSON.parse(dist('test', `${FIXTURES}/project`, '--coverage', '--format', 'json').stdout);
    expect(json.coverage[0].rules[0]).toMatchObject({ rule: 'Web leads', tried: 4, matched: 3 });
    expect(json.coverage[0].rules[0].conditions).toEqual([
      { location: 'test/scenario/fixtures/project/rules/main.dist:14:8', text: 'lead.source == "Web"', seenTrue: true, seenFalse: true },
    ]);
  });

  it('passes every example suite', () => {
    const run = dist('test', 'examples/seeds', 'examples/tour');
    expect(run.stdout).not.toContain('✗');
    expect(run.code).toBe(0);
  });
});

describe('dist explain', { timeout: 120_000 }, () => {
  const project = `${FIXTURES}/project`;
  const event = (name: string) => `${FIXTURES}/events/${name}.json`;

  it('prints the trace of a decided event', () => {
    const run = dist('explain', project, '--event', event('web'), '--now', '2026-01-05T10:00:00Z');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ "Web leads" (test/scenario/fixtures/project/rules/main.dist:11): matched');
    expect(run.stdout).toContain('outcome: assigned → a@x.test');
  });

  it('prints the decision as JSON', () => {
    const run = dist('explain', project, '--event', event('web'), '--format', 'json');
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'assigned', assigned: ['a@x.test'], rule: 'Web leads' });
  });

  it('places a JSON syntax error and names invalid fields, exit 1', () => {
    const syntax = dist('explain', project, '--event', event('syntax'));
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/events\/syntax\.json:3:\d+: invalid JSON/);
    expect(dist('explain', project, '--event', event('missing-type')).stderr).toContain('`type` is missing; add it');
    const field = dist('explain', project, '--event', event('wrong-field'));
    expect(field.code).toBe(1);
    expect(field.stderr).toContain('`record.source`');
  });

  it('refuses what the API refuses: an unknown top-level key and a bad `at`', () => {
    const unknown = dist('explain', project, '--event', event('unknown-key'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('`records`: unknown field `records`; an event has `id`, `type`, `record`, `changed`, `at`');
    const badAt = dist('explain', project, '--event', event('bad-at'));
    expect(badAt.code).toBe(1);
    expect(badAt.stderr).toContain('`at`: `at` must be an ISO 8601 time');
  });

  it("decides at the event's `at` when no --now is given", () => {
    const run = dist('explain', project, '--event', event('with-at'), '--format', 'json');
    expect(JSON.parse(run.stdout).decidedAt).toBe(Date.parse('2026-01-06T11:30:00Z'));
  });

  it('exits 2 for a missing event file or a bad --now', () => {
    expect(dist('explain', project, '--event', 'nope.json').code).toBe(2);
    expect(dist('explain', project, '--event', event('web'), '--now', 'noon').code).toBe(2);
  });
});
