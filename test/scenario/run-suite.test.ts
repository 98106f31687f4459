// Runner semantics against a scripted fake engine: fresh engine and clock per
// case, `given` precedence (suite < case < step, a step's `given` persisting),
// `repeat`, `advance` firing timers in order, `at`, and every `expect` key passing
// and failing.
import { describe, expect, it } from 'vitest';
import { runSuite, type RunOptions } from '../../scenario/run-suite';
import type { CaseResult } from '../../scenario/results';
import { fakeEngines, load, program, type CallLog } from './fixtures';

const T0 = Date.parse('2026-01-05T10:00:00Z');
const MIN = 60_000;

async function run(text: string, options: RunOptions = {}): Promise<{ log: CallLog; cases: CaseResult[] }> {
  const log: CallLog = [];
  const suite = await load(`now: "2026-01-05T10:00:00Z"\n${text}`);
  const result = await runSuite(suite, program(), (id) => `rules/x.dist:${id.length}`, { engine: fakeEngines(log), ...options });
  return { log, cases: result.cases };
}

describe('case setup', () => {
  it('gives every case a fresh engine at the suite clock', async () => {
    const { log, cases } = await run(`
cases:
  - { name: one, event: lead.created, advance: 5m }
  - { name: two, event: lead.created }
`);
    expect(cases.map((c) => c.passed)).toEqual([true, true]);
    expect(log.filter((l) => l.startsWith('engine')).map((l) => l.split(':')[0])).toEqual([`engine 1 at ${T0}`, `engine 2 at ${T0}`]);
    expect(log).toContain(`decide r1-1-1 at ${T0 + 5 * MIN}`);
    expect(log).toContain(`decide r2-1-1 at ${T0}`);
  });

  it('applies given suite < case < step, and a step given stays for later steps', async () => {
    const { log } = await run(`
given:
  users:
    a@x.test: { status: away, checked_in: true }
  state: { open_load: { a@x.test: 1, b@x.test: 1 } }
cases:
  - name: x
    given:
      users:
        a@x.test: { status: busy }
      state: { open_load: { a@x.test: 2 } }
    steps:
      - given:
          users:
            b@x.test: { status: away }
        event: lead.created
      - event: lead.created
      - given:
          state: { open_load: { c@x.test: 5 } }
        event: lead.created
`);
    expect(log).toEqual([
      `engine 1 at ${T0}: a@x.test=busy+in b@x.test=available c@x.test=available`,
      'state {"openLoad":{"a@x.test":2,"b@x.test":1}}',
      'directory a@x.test=busy+in b@x.test=away c@x.test=available',
      `decide r1-1-1 at ${T0}`,
      `decide r1-2-1 at ${T0}`,
      'state {"openLoad":{"c@x.test":5}}',
      `decide r1-3-1 at ${T0}`,
    ]);
  });
});

describe('steps', () => {
  it('repeats the event with fresh record ids and checks one user per event', async () => {
    const { log, cases } = await run(`
cases:
  - name: x
    event: lead.created
    record: { source: Web }
    repeat: 3
    expect: { assigned_sequence: [a@x.test, a@x.test, a@x.test] }
`);
    expect(cases[0]!.passed).toBe(true);
    expect(log.filter((l) => l.startsWith('decide'))).toEqual([1, 2, 3].map((n) => `decide r1-1-${n} at ${T0}`));
  });

  it('fires due timers in due order while advancing, then sets the clock', async () => {
    const { log, cases } = await run(`
cases:
  - name: x
    steps:
      - event: lead.created
        record: { timer: ${60 * MIN} }
      - event: lead.created
        record: { timer: ${10 * MIN} }
      - advance: 61m
        expect: { assigned: [c@x.test], assigned_sequence: [c@x.test, c@x.test] }
      - event: lead.created
`);
    expect(cases[0]!.passed).toBe(true);
    expect(log.slice(-3)).toEqual([
      `tick at ${T0 + 10 * MIN}: r1-2-1`,
      `tick at ${T0 + 60 * MIN}: r1-1-1`,
      `decide r1-4-1 at ${T0 + 61 * MIN}`,
    ]);
  });

  it('sets the clock with `at`, firing timers on the way, and refuses to go back', async () => {
    const { log, cases } = await run(`
cases:
  - name: forward
    steps:
      - event: lead.created
        record: { timer: ${30 * MIN} }
      - at: "2026-01-05T11:00:00Z"
        event: lead.created
        expect: { not_assigned: [b@x.test] }
  - name: back
    steps:
      - at: "2026-01-05T09:00:00Z"
`);
    expect(log).toContain(`tick at ${T0 + 30 * MIN}: r1-1-1`);
    expect(log).toContain(`decide r1-2-1 at ${T0 + 60 * MIN}`);
    expect(cases[1]!.failure).toMatchObject({ step: 1, check: 'clock' });
    expect(cases[1]!.failure!.message).toMatch(/the clock only moves forward/);
  });

  it('fails a step whose event the engine refuses, naming the field', async () => {
    const { cases } = await run('cases:\n  - { name: x, event: lead.created, record: { bad: true } }\n');
    expect(cases[0]!.failure).toMatchObject({ check: 'event', step: 1, stepLine: 3 });
    expect(cases[0]!.failure!.message).toBe('the engine refused event 1 of this step: `record.bad`: not allowed');
  });

  it('fails an expectation when the step made no decision', async () => {
    const { cases } = await run('cases:\n  - { name: x, advance: 1h, expect: { outcome: assigned } }\n');
    expect(cases[0]!.failure).toMatchObject({ check: 'decision' });
  });

  it('stops a case at its first failing step', async () => {
    const { log, cases } = await run(`
cases:
  - name: x
    steps:
      - { event: lead.created, expect: { assigned: [b@x.test] } }
      - { event: lead.created }
`);
    expect(cases[0]!.failure).toMatchObject({ step: 1, stepLine: 6 });
    expect(log.filter((l) => l.startsWith('decide'))).toHaveLength(1);
  });

  it('runs only the cases the filter names', async () => {
    const { cases } = await run('cases:\n  - { name: Alpha one, event: lead.created }\n  - { name: beta, event: lead.created }\n', { filter: 'ALPHA' });
    expect(cases.map((c) => c.name)).toEqual(['Alpha one']);
  });

  it('reports only the cases whose decisions reach the rule', async () => {
    const suite = 'cases:\n  - { name: decided, event: lead.created }\n  - { name: no decision, advance: 5m }\n';
    expect((await run(suite, { rule: 'r-first' })).cases.map((c) => c.name)).toEqual(['decided']);
    expect((await run(suite, { rule: 'r-other' })).cases).toEqual([]);
  });
});

describe('expect keys', () => {
  const cases: [string, string, string | null][] = [
    ['rule', '{ rule: First rule }', null],
    ['rule', '{ rule: Second rule }', 'expected rule `Second rule` to take the record, got `First rule`'],
    ['outcome', '{ outcome: assigned }', null],
    ['outcome', '{ outcome: unmatched }', 'expected outcome `unmatched`, got `assigned`'],
    ['assigned', '{ assigned: [b@x.test] }', null],
    ['assigned', '{ assigned: [a@x.test] }', 'the last decision assigned other users'],
    ['assigned_sequence', '{ assigned_sequence: [b@x.test] }', null],
    ['assigned_sequence', '{ assigned_sequence: [c@x.test] }', 'the sequence differs at position 1'],
    ['not_assigned', '{ not_assigned: [a@x.test, c@x.test] }', null],
    ['not_assigned', '{ not_assigned: [b@x.test] }', '`b@x.test` was assigned but must not be'],
    ['reason', '{ reason: eligible }', 'expected the reason to contain `eligible`, got none'],
    ['queue', '{ queue: unassigned }', 'expected queue `unassigned`, got none'],
  ];
  for (const [key, expectation, message] of cases) {
    it(`${key} ${message ? 'fails' : 'passes'}: ${expectation}`, async () => {
      const { cases: results } = await run(`
cases:
  - name: x
    event: lead.created
    record: { to: b@x.test }
    expect: ${expectation}
`);
      const result = results[0]!;
      expect(result.passed).toBe(message === null);
      if (message === null) return;
      expect(result.failure).toMatchObject({ check: key, message, ruleLocation: 'rules/x.dist:7' });
      expect(result.failure!.decision?.recordId).toBe('r1-1-1');
      expect(result.failure!.explain).toContain('decision d1-1');
    });
  }

  it('reason and queue pass on a fallback decision', async () => {
    const { cases: results } = await run(`
given:
  users: { a@x.test: { status: away }, b@x.test: { status: away }, c@x.test: { status: away } }
cases:
  - name: x
    event: lead.created
    expect: { outcome: fallback, assigned: [], reason: eligible, queue: unassigned }
`);
    expect(results[0]!.passed).toBe(true);
  });

  it('rejects an unknown expect key when loading', async () => {
    await expect(load('cases:\n  - { name: x, event: lead.created, expect: { assignee: a@x.test } }\n')).rejects.toThrow(
      /^2:47: unknown key `assignee` in `expect`/,
    );
  });
});
