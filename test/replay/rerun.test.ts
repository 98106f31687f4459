// Time-travel replay: every decision an engine logs with provenance re-runs to
// exactly the same decision (rule, users, reason, trace, id) from the state it
// read, under the versions kept in the state by fingerprint: round robin and
// weighted cursors, random seeds, least recent, quotas, re-assignment timers and
// queue retries included. Under other rules the same state gives today's answer.
import { describe, expect, test } from 'vitest';
import { compileProject } from '../../compiler/compile';
import type { Directory } from '../../compiler/directory/model';
import type { Program } from '../../compiler/ir';
import { fieldDifferences, remake, sameVersions, versionsOf } from '../../runtime/replay-decision';
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
