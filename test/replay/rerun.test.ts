// Time-travel replay: every decision an engine logs with provenance re-runs to
// exactly the same decision (rule, users, reason, trace, id) from the state it
// read, under the versions kept in the state by fingerprint: round robin and
// weighted cursors, random seeds, least recent, quotas, re-assignment timers and
// queue retries included. Under other rules the same state gives today's answer.
import { describe, expect, test } from 'vitest';
import { compileProject } from '../../compiler/compile';
import type { Directory } from '../../compiler/directory/model';
import type { Program } from '../../compiler/ir';
import { createEngine } from '../../runtime/engine';
import { rerunDecision, sameVersions, versionsOf } from '../../runtime/replay-decision';
import { MemoryStore } from '../../runtime/state/memory-store';
import { inTransaction } from '../../runtime/state/store';
import type { Decision } from '../../runtime/types';

const RULES = `
schema lead { source: text  score: number  status: text }
schema user { grade: choice("A", "B") }
settings { timezone "UTC"  quota daily 6  unmatched queue "triage" retry every 10m for 1h }
rule "Web" { priority 10 on lead.created when lead.source == "Web" assign teams "East" distribute round_robin reassign after 30m when lead.status == "New" max 2 }
rule "Partner" { priority 20 on lead.created when lead.source == "Partner" assign teams "East", "West" distribute weighted { "East": 3, "West": 1 } }
rule "Graded" { priority 30 on lead.created when lead.source == "Ads" assign anyone distribute weighted by user.grade { "A": 2, "B": 1 } }
rule "Lottery" { priority 40 on lead.created when lead.source == "Fair" assign teams "West" distribute random }
rule "Oldest" { priority 50 on lead.created when lead.source == "Other" and lead.score > 50 assign anyone distribute least_recent take 2 }
`;
const DIRECTORY = `
users:
  - { id: a@x.test, name: A, teams: [East], fields: { grade: A } }
  - { id: b@x.test, name: B, teams: [East], fields: { grade: B } }
  - { id: c@x.test, name: C, teams: [East, West], fields: { grade: A } }
  - { id: d@x.test, name: D, teams: [West], fields: { grade: B } }
teams:
  - { name: East, members: [a@x.test, b@x.test, c@x.test] }
  - { name: West, members: [c@x.test, d@x.test] }
`;

function compile(rules: string): { program: Program; directory: Directory } {
  const result = compileProject({ sources: [{ file: 'rules/r.dist', text: rules }], directory: { file: 'directory.yaml', text: DIRECTORY } });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { program: result.program!, directory: result.directory! };
}

const SOURCES = ['Web', 'Partner', 'Ads', 'Fair', 'Other', 'Web', 'Partner'];

async function logged(): Promise<{ store: MemoryStore; decisions: Decision[] }> {
  const { program, directory } = compile(RULES);
  const store = new MemoryStore();
  let now = Date.parse('2026-11-02T09:00:00Z');
  const engine = createEngine({ program, directory, store, clock: () => now, provenance: true });
  for (let i = 0; i < 60; i++) {
    const source = SOURCES[i % SOURCES.length]!;
    const result = await engine.decide({ id: `e${i}`, type: 'lead.created', record: { id: `L${i}`, source, score: (i * 37) % 100, status: 'New' } });
    expect(result.ok).toBe(true);
    now += 7 * 60_000;
    await engine.tick();
  }
  await engine.retryQueued('triage', 'lead', 'L4');
  const decisions = await inTransaction(store, (tx) => tx.listDecisions({ limit: 10_000 }));
  return { store, decisions };
}

describe('re-running logged decisions', () => {
  test('every logged decision reproduces exactly under the versions it ran under', async () => {
    const { store, decisions } = await logged();
    const causes = new Set(decisions.map((d) => d.cause));
    expect([...causes].sort()).toEqual(['event', 'manual-retry', 'reassign', 'retry']);
    expect(new Set(decisions.map((d) => d.rule))).toEqual(new Set(['Web', 'Partner', 'Graded', 'Lottery', 'Oldest', null]));
    let same = 0;
    for (const decision of decisions) {
      const versions = await versionsOf(store, decision);
      expect(versions, decision.id).not.toBeNull();
      expect(sameVersions(decision, versions!.program, versions!.directory)).toBe(true);
      const rerun = await rerunDecision(decision, versions!.program, versions!.directory);
      if (!rerun.ok) throw new Error(`${decision.id}: ${rerun.problem}`);
      expect(rerun.differences, decision.id).toEqual([]);
      const { provenance: _, ...plain } = decision;
      expect(rerun.decision).toEqual(plain);
      if (rerun.same) same++;
    }
    expect(same).toBe(decisions.length);
  });

  test('under other rules the same state gives the other answer, with the fields that differ', async () => {
    const { store, decisions } = await logged();
    const web = decisions.find((d) => d.rule === 'Web' && d.cause === 'event')!;
    const versions = (await versionsOf(store, web))!;
    const changed = compile(RULES.replace('when lead.source == "Web"', 'when lead.source == "Web" and lead.score > 1000'));
    expect(sameVersions(web, changed.program, versions.directory)).toBe(false);
    const rerun = await rerunDecision(web, changed.program, versions.directory);
    if (!rerun.ok) throw new Error(rerun.problem);
    expect(rerun.same).toBe(false);
    expect(rerun.decision.rule).not.toBe('Web');
    expect(rerun.differences).toContain('rule: "Web" → ' + JSON.stringify(rerun.decision.rule));
  });
});
