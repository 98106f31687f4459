// The steps that report what the API would between decisions — `manual_assignment`
// (counting or cherry-picked) and `close` — and queue retry windows driven by
// `advance`, run on the real compiler and engine: a suite text in, the case
// results out.
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../scenario/run-suite';
import { loadSuite } from '../../scenario/load-suite';
import type { CaseResult } from '../../scenario/results';
import { compileSnippet } from '../runtime/helpers';

const RULES = `settings {
  timezone "UTC"
  capacity user.max_open
  quota total user.max_shares
  unmatched queue "triage"
}

schema lead {
  source: text
}

schema user {
  max_open: number
  max_shares: number
}

rule "Least recent" {
  priority 10
  on lead.created
  when lead.source == "LR"
  assign users "a@x.test", "b@x.test"
  distribute least_recent
}

rule "Rotation" {
  priority 20
  on lead.created
  when lead.source == "RR"
  assign users "a@x.test", "b@x.test"
  distribute round_robin
}

rule "Load" {
  priority 30
  on lead.created
  when lead.source == "LB"
  assign users "a@x.test", "b@x.test"
  distribute load_balance
}

rule "Window" {
  priority 40
  on lead.created
  when lead.source == "Window"
  assign users "a@x.test", "b@x.test"
  require available
  distribute round_robin
  fallback queue "waiting" retry every 15m for 24h
}
`;

const DIRECTORY = `users:
  - { id: a@x.test, name: A, fields: { max_open: 5, max_shares: 2 } }
  - { id: b@x.test, name: B, fields: { max_open: 5 } }
`;

/** Loads and runs a suite against RULES; load errors as `line:column: message`. */
async function run(text: string): Promise<CaseResult[] | string[]> {
  const { program } = compileSnippet(RULES, DIRECTORY);
  const loaded = loadSuite({ file: 'tests/api.test.yaml', text: `now: "2026-01-05T10:00:00Z"\n${text}` }, { program, directory: DIRECTORY });
  if (!loaded.ok) return loaded.errors.map((e) => `${e.line}:${e.column}: ${e.message}`);
  return (await runSuite(loaded.suite, program, () => 'rules/test.dist:1')).cases;
}

/** The failure messages of the cases (empty string for a case that passed). */
async function failures(text: string): Promise<string[]> {
  const results = await run(text);
  return results.map((r) => (typeof r === 'string' ? r : (r.failure?.message ?? '')));
}

describe('manual_assignment', () => {
  it('a counting manual assignment makes the user the most recent; a cherry-picked one changes nothing', async () => {
    expect(
      await failures(`
cases:
  - name: counts
    steps:
      - manual_assignment: { record: M1, user: a@x.test }
        event: lead.created
        record: { source: LR }
        expect: { assigned: [b@x.test] }
  - name: cherry-picked
    steps:
      - manual_assignment: { record: M1, user: b@x.test }
      - advance: 1m
        manual_assignment: { record: M2, user: a@x.test, counts: false }
        event: lead.created
        record: { source: LR }
        expect: { assigned: [a@x.test] }
`),
    ).toEqual(['', '']);
  });

  it('a cherry-picked record does not use up a total quota; a counting one does', async () => {
    expect(
      await failures(`
cases:
  - name: cherry-picked
    steps:
      - manual_assignment: { record: C1, user: a@x.test, counts: false }
      - manual_assignment: { record: C2, user: a@x.test, counts: false }
        event: lead.created
        record: { source: RR }
        repeat: 3
        expect: { assigned_sequence: [a@x.test, b@x.test, a@x.test] }
  - name: counting
    steps:
      - manual_assignment: { record: C1, user: a@x.test }
      - manual_assignment: { record: C2, user: a@x.test }
        event: lead.created
        record: { source: RR }
        repeat: 2
        expect: { assigned_sequence: [b@x.test, b@x.test], not_assigned: [a@x.test] }
`),
    ).toEqual(['', '']);
  });

  it('an assignment that the expectation gets wrong fails the case', async () => {
    expect(
      await failures(`
cases:
  - name: counts
    manual_assignment: { record: M1, user: a@x.test }
    event: lead.created
    record: { source: LR }
    expect: { assigned: [a@x.test] }
`),
    ).toEqual(['the last decision assigned other users']);
  });
});

describe('close', () => {
  it('closing a record lowers its owner load, so load balancing turns to them', async () => {
    const suite = (close: string) => `
cases:
  - name: close
    steps:
      - event: lead.created
        record: { id: L1, source: LB }
        expect: { assigned: [a@x.test] }
      - given: { state: { open_load: { b@x.test: 1 } } }${close}
        event: lead.created
        record: { source: LB }
        expect: { assigned: [a@x.test] }
`;
    expect(await failures(suite('\n        close: { record: L1 }'))).toEqual(['']);
    // Without the close, both hold one open lead and b, never assigned, goes first.
    expect(await failures(suite(''))).toEqual(['the last decision assigned other users']);
  });

  it('fails the step that closes a record nobody sent', async () => {
    expect(await failures('cases:\n  - { name: x, close: { record: NOPE }, event: lead.created, record: { source: LB } }\n')).toEqual([
      '`close`: lead `NOPE` is unknown or already closed; close a record an earlier step sent or assigned',
    ]);
  });
});

describe('loading', () => {
  it('names unknown users, entities and keys where they are written', async () => {
    expect(
      await run(`
cases:
  - name: x
    manual_assignment: { record: M1, user: z@x.test, entity: leed }
    close: { record: M1, when: now }
    event: lead.created
`),
    ).toEqual([
      '6:26: unknown key `when` in `close`; use one of `record`, `entity`',
    ]);
    expect(
      await run(`
cases:
  - name: x
    manual_assignment: { record: M1, user: z@x.test, entity: leed }
    event: lead.created
`),
    ).toEqual(['5:44: unknown user `z@x.test`; did you mean `a@x.test`?', '5:62: unknown entity `leed`; did you mean `lead`?']);
  });
});

describe('retry windows in a suite', () => {
  it('a queued record is retried every 15 minutes and assigned once somebody is available', async () => {
    expect(
      await failures(`
given:
  users:
    a@x.test: { status: away }
    b@x.test: { status: away }
cases:
  - name: window
    steps:
      - event: lead.created
        record: { id: W1, source: Window }
        expect: { outcome: fallback, queue: waiting }
      - advance: 14m
        expect: { not_assigned: [a@x.test, b@x.test] }
      - advance: 1m
        expect: { outcome: fallback, queue: waiting }
      - given: { users: { b@x.test: { status: available } } }
        advance: 15m
        expect: { rule: Window, outcome: assigned, assigned: [b@x.test] }
      - advance: 1d
        expect: { assigned_sequence: [] }
  - name: window closes
    steps:
      - event: lead.created
        record: { id: W2, source: Window }
      - advance: 24h
        expect: { outcome: fallback, queue: waiting, not_assigned: [a@x.test, b@x.test] }
      - given: { users: { a@x.test: { status: available } } }
        advance: 1d                     # the window has closed: no more retries
        expect: { assigned_sequence: [] }
`),
    ).toEqual(['', '']);
  });
});
