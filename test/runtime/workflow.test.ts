// Workflows: several rules distribute one record together (runtime/workflow.ts).
// Round-robin rules show that each rule rotates on its own, that a user chosen by
// an earlier rule is not chosen again, that the cap and the total minimum hold,
// and that a workflow that assigns nobody moves no rotation. Every transaction
// goes through the lock-checked store, so the workflow's locks keep the class order.
import { describe, expect, it } from 'vitest';
import { explainCandidate, explainCandidates } from '../../runtime/explain-candidates';
import { indexProgram } from '../../runtime/program-index';
import { compileSnippet, Harness, MINUTE, usersYaml } from './helpers';

const RULES = `
workflow "Both" {
  rules "First", "Second"
  take 3 min 2
}

rule "First" {
  priority 10
  on lead.created
  when lead.source == "web"
  assign users "a", "b", "c"
  distribute round_robin
  take 2
  fallback queue "waiting" retry every 15m for 1h
}

rule "Second" {
  priority 20
  on lead.created, lead.updated(status)
  when lead.source == "web" and lead.score >= 50
  assign users "b", "c", "d"
  distribute round_robin
  take 2
}
`;

const DIRECTORY = usersYaml(['a', 'b', 'c', 'd']);

describe('a workflow', () => {
  it('runs its rules in order, each rotating on its own, never choosing a user twice, up to the cap', async () => {
    const h = new Harness(RULES, DIRECTORY);
    const first = await h.send({ source: 'web', score: 80 });
    expect(first.rule).toBe('First');
    expect(first.assigned).toEqual(['a', 'b', 'c']);
    expect(first.trace.workflow?.steps.map((s) => [s.rule, s.assigned])).toEqual([['First', ['a', 'b']], ['Second', ['c']]]);
    // First's rotation moved past a and b. In Second's, b was taken already (so it left and rejoined at the end) and c was served: d is next.
    const second = await h.send({ source: 'web', score: 80 });
    expect(second.trace.workflow?.steps.map((s) => s.assigned)).toEqual([['c', 'a'], ['d']]);
  });

  it('skips a rule whose `when` does not hold, and says why', async () => {
    const h = new Harness(RULES, DIRECTORY);
    const decision = await h.send({ source: 'web', score: 10 });
    expect(decision.assigned).toEqual(['a', 'b']);
    expect(decision.trace.workflow?.steps[1]).toMatchObject({ rule: 'Second', assigned: [], reason: 'its `when` does not hold' });
  });

  it('assigns nobody below its total minimum, moves no rotation, and keeps the record in the first rule\'s queue', async () => {
    const h = new Harness(RULES, DIRECTORY);
    h.setUser('b', { active: false });
    h.setUser('c', { active: false });
    const failed = await h.send({ source: 'web', score: 10 });
    expect(failed.outcome).toBe('fallback');
    expect(failed.queue).toBe('waiting');
    expect(failed.reason).toBe('the rules of workflow `Both` chose 1, fewer than its `min 2`');
    expect(failed.trace.workflow?.steps[0]?.assigned).toEqual(['a']);
    // The window: once b is back, the retry sells the record, and First's rotation starts at a as if nothing had happened.
    h.setUser('b', { active: true });
    const [retried] = await h.advance(15 * MINUTE);
    expect(retried?.cause).toBe('retry');
    expect(retried?.assigned).toEqual(['a', 'b']);
  });

  it('explains every candidate of its rules: who chose them, or what each rule did', async () => {
    const h = new Harness(RULES, DIRECTORY);
    const { trace } = await h.send({ source: 'web', score: 80 });
    expect(explainCandidates(trace).map((c) => [c.user, c.status])).toEqual([
      ['a', 'assigned'],
      ['b', 'assigned'],
      ['c', 'assigned'],
      ['d', 'passed over'],
    ]);
    expect(explainCandidate(trace, 'c').reason).toMatch(/^`Second`: chosen by round_robin/);
    expect(explainCandidate(trace, 'd').reason).toBe('`Second`: eligible, but round_robin chose c');
    expect(explainCandidate(trace, 'zed')).toMatchObject({ status: 'not a candidate', reason: 'not in the pool of any rule of workflow `Both`' });
  });

  it('explains a user its rule chose when the workflow fell below its minimum', async () => {
    const h = new Harness(RULES, DIRECTORY);
    h.setUser('b', { active: false });
    h.setUser('c', { active: false });
    const { trace } = await h.send({ source: 'web', score: 10 });
    expect(explainCandidate(trace, 'a')).toMatchObject({
      status: 'passed over',
      reason: '`First` chose them, but nobody was assigned: the rules of workflow `Both` chose 1, fewer than its `min 2`',
    });
    expect(explainCandidate(trace, 'b')).toMatchObject({ status: 'dropped', stage: 'pool' });
  });

  it('moves no rotation when it assigns nobody', async () => {
    const h = new Harness(RULES.replace('  take 2\n  fallback', '  take 1\n  fallback'), DIRECTORY);
    const failed = await h.send({ source: 'web', score: 10 }); // First alone chooses 1, below the minimum of 2
    expect(failed.outcome).toBe('fallback');
    expect(failed.trace.workflow?.steps[0]?.assigned).toEqual(['a']);
    const sold = await h.send({ source: 'web', score: 80 });
    expect(sold.trace.workflow?.steps.map((s) => s.assigned)).toEqual([['a'], ['b', 'c']]);
  });

  it('is entered by whichever of its rules takes the record first, for that rule\'s events', async () => {
    const h = new Harness(RULES, DIRECTORY);
    const decision = await h.send({ source: 'web', score: 90, status: 'x' }, { type: 'lead.updated', changed: ['status'] });
    expect(decision.rule).toBe('Second');
    expect(decision.trace.workflow?.steps.map((s) => [s.rule, s.assigned, s.reason])).toEqual([
      ['First', [], 'its `on` does not name `lead.updated`'],
      ['Second', ['b', 'c'], undefined],
    ]);
  });

  it('adds up the turnover of the rules that have one', async () => {
    const rules = RULES.replace('  take 2\n  fallback', '  take 2\n  turnover user.price\n  fallback');
    const h = new Harness(rules, `users:\n${['a', 'b', 'c', 'd'].map((id, i) => `  - { id: ${id}, name: ${id}, fields: { price: ${10 * (i + 1)} } }`).join('\n')}\n`);
    const decision = await h.send({ source: 'web', score: 80 });
    expect(decision.trace.turnover).toEqual({ values: [{ user: 'a', value: 10 }, { user: 'b', value: 20 }], total: 30, min: null });
  });
});

describe('the IR version', () => {
  it('is 1 without workflows and 2 with them; the runtime reads both and refuses others', () => {
    const withWorkflow = compileSnippet(RULES, DIRECTORY).program;
    const without = compileSnippet(RULES.replace(/workflow "Both" \{[^}]*\}/, ''), DIRECTORY).program;
    expect(withWorkflow.irVersion).toBe(2);
    expect(without.irVersion).toBe(1);
    expect(without.workflows).toBeUndefined();
    expect(() => indexProgram(without)).not.toThrow();
    expect(() => indexProgram({ ...withWorkflow, irVersion: 3 as 2 })).toThrow('the IR has version 3; this runtime runs versions 1 to 2');
  });
});
