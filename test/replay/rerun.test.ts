// Time-travel replay: every decision an engine logs with provenance re-runs to
// exactly the same decision (rule, users, reason, trace, id) from the state it
// read, under the versions kept in the state by fingerprint: round robin and
// weighted cursors, random seeds, least recent, quotas, re-assignment timers and
// queue retries included, and the rules of a workflow. Under other rules the same
// state gives today's answer.
import { describe, expect, test } from 'vitest';
import { compileProject } from '../../compiler/compile';
import type { Directory } from '../../compiler/directory/model';
import type { Program } from '../../compiler/ir';
import { createEngine } from '../../runtime/engine';
import { fieldDifferences, remake, sameVersions, versionsOf } from '../../runtime/replay-decision';
import { MemoryStore } from '../../runtime/state/memory-store';
import type { Decision } from '../../runtime/types';
import { DIRECTORY, logged, RULES } from './logged-decisions';

function compile(rules: string): { program: Program; directory: Directory } {
  const result = compileProject({ sources: [{ file: 'rules/r.dist', text: rules }], directory: { file: 'directory.yaml', text: DIRECTORY } });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { program: result.program!, directory: result.directory! };
}

describe('re-running logged decisions', () => {
  test('every logged decision reproduces exactly under the versions it ran under', async () => {
    const { store, decisions } = await logged(compile(RULES));
    const causes = new Set(decisions.map((d) => d.cause));
    expect([...causes].sort()).toEqual(['event', 'manual-retry', 'reassign', 'retry']);
    expect(new Set(decisions.map((d) => d.rule))).toEqual(new Set(['Web', 'Partner', 'Graded', 'Lottery', 'Oldest', null]));
    let same = 0;
    for (const decision of decisions) {
      const versions = await versionsOf(store, decision);
      expect(versions, decision.id).not.toBeNull();
      expect(sameVersions(decision, versions!.program, versions!.directory)).toBe(true);
      const rerun = await remake(decision, versions!.program, versions!.directory);
      if (!rerun.ok) throw new Error(`${decision.id}: ${rerun.problem}`);
      expect(fieldDifferences(decision, rerun.decision), decision.id).toEqual([]);
      const { provenance: _, ...plain } = decision;
      expect(rerun.decision).toEqual(plain);
      same++;
    }
    expect(same).toBe(decisions.length);
  });

  test('under other rules the same state gives the other answer, with the fields that differ', async () => {
    const { store, decisions } = await logged(compile(RULES));
    const web = decisions.find((d) => d.rule === 'Web' && d.cause === 'event')!;
    const versions = (await versionsOf(store, web))!;
    const changed = compile(RULES.replace('when lead.source == "Web"', 'when lead.source == "Web" and lead.score > 1000'));
    expect(sameVersions(web, changed.program, versions.directory)).toBe(false);
    const rerun = await remake(web, changed.program, versions.directory);
    if (!rerun.ok) throw new Error(rerun.problem);
    expect(rerun.decision.rule).not.toBe('Web');
    expect(fieldDifferences(web, rerun.decision)).toContain('rule: "Web" → ' + JSON.stringify(rerun.decision.rule));
  });
});

describe('re-running a workflow\'s decisions', () => {
  const WORKFLOW = `schema lead {
  source: text
}

rule "Rotated" {
  priority 10
  on lead.created
  assign users "a", "b", "c"
  distribute round_robin
  take 2
}

rule "Drawn" {
  priority 20
  on lead.created
  assign anyone
  distribute random
  take 2
}

workflow "Rotated then drawn" {
  rules "Rotated", "Drawn"
  take 3
}
`;

  test('each reproduces exactly, rotations and random draws of every rule included; a manual assignment has nothing to re-run', async () => {
    const result = compileProject({ sources: [{ file: 'rules/r.dist', text: WORKFLOW }], directory: { file: 'directory.yaml', text: 'users:\n  - { id: a, name: A }\n  - { id: b, name: B }\n  - { id: c, name: C }\n  - { id: d, name: D }\n' } });
    const { program, directory } = { program: result.program!, directory: result.directory! };
    const store = new MemoryStore();
    const engine = createEngine({ program, directory, store, clock: () => 1_800_000_000_000, provenance: true });
    const decisions: Decision[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = await engine.decide({ id: `e${i}`, type: 'lead.created', record: { id: `L${i}` } });
      if (!r.ok) throw new Error('refused');
      decisions.push(r.decision);
    }
    expect(new Set(decisions.map((d) => d.trace.workflow?.steps.length))).toEqual(new Set([2]));
    for (const decision of decisions) {
      const versions = (await versionsOf(store, decision))!;
      const rerun = await remake(decision, versions.program, versions.directory);
      if (!rerun.ok) throw new Error(rerun.problem);
      const { provenance: _, ...plain } = decision;
      expect(rerun.decision).toEqual(plain);
    }
    const manual = await engine.reportAssignment({ entity: 'lead', recordId: 'L1', user: 'd', counts: false });
    expect(manual).toMatchObject({ cause: 'manual', assigned: ['d'], rule: null });
    expect(await remake(manual, program, directory)).toEqual({ ok: false, problem: `decision \`${manual.id}\` is a manual assignment someone reported: no rule decided it, so there is nothing to re-run` });
  });
});
