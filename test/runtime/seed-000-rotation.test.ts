// Seed 000's worked examples: round robin that never resets and lets returning
// users rejoin at the end, weighted A3 B2 C1, teams East 2 / West 1 with round
// robin inside each team, and category-based weightage.
import { describe, expect, it } from 'vitest';
import { Harness, usersYaml } from './helpers';

const rr = (users: string) => `rule "RR" {
  priority 1
  on lead.created
  assign users ${users}
  require available
  distribute round_robin
}`;

describe('round robin', () => {
  it('gives A B C A B C and continues where it stopped', async () => {
    const h = new Harness(rr('"A", "B", "C"'), usersYaml(['A', 'B', 'C']));
    expect(await h.sequence(6)).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
    h.now += 24 * 3_600_000;
    expect(await h.sequence(2)).toEqual(['A', 'B']);
  });

  it('skips B while she is away; back, she joins the end of the cycle', async () => {
    const h = new Harness(rr('"A", "B", "C"'), usersYaml(['A', 'B', 'C']));
    expect(await h.sequence(2)).toEqual(['A', 'B']);
    h.setUser('B', { status: 'away' });
    // queue [C A]: C, then A.
    expect(await h.sequence(2)).toEqual(['C', 'A']);
    h.setUser('B', { status: 'available' });
    // queue [C A] + B at the end: C A B, then round again.
    expect(await h.sequence(6)).toEqual(['C', 'A', 'B', 'C', 'A', 'B']);
    const last = await h.send();
    expect(last.trace.method?.before).toEqual({ 'rr/rr/pool': ['C', 'A', 'B'] });
  });
});

describe('round robin when nobody is eligible', () => {
  const capped = `settings {
  timezone "UTC"
  unmatched queue "triage"
  quota daily user.daily_cap
}
${rr('"A", "B"')}`;

  it('lets the capped users leave the rotation, so the next day starts in pool order again', async () => {
    const h = new Harness(capped, usersYaml(['A', 'B'], 'fields: { daily_cap: 1 }'));
    // A, then B alone is eligible (A capped), then nobody: the fallback runs and the queue empties.
    expect(await h.sequence(2)).toEqual(['A', 'B']);
    const none = await h.send();
    expect([none.outcome, none.queue]).toEqual(['fallback', 'triage']);
    expect(none.trace.method).toEqual({ method: 'round_robin', before: { 'rr/rr/pool': ['B'] }, after: { 'rr/rr/pool': [] } });
    h.now += 24 * 3_600_000;
    expect(await h.sequence(2)).toEqual(['A', 'B']);
  });

  it('takes in who is eligible also when fewer than `take … min` are', async () => {
    const h = new Harness(rr('"A", "B", "C"').replace('distribute round_robin', 'distribute round_robin\n  take 2 min 2'), usersYaml(['A', 'B', 'C']));
    expect(await h.sequence(1)).toEqual(['A+B']);
    h.setUser('A', { status: 'away' });
    h.setUser('B', { status: 'away' });
    const none = await h.send();
    expect(none.outcome).toBe('fallback');
    expect(none.trace.method?.after).toEqual({ 'rr/rr/pool': ['C'] });
  });
});

describe('weighted', () => {
  it('A3 B2 C1 gives A B C A B A, then again', async () => {
    const h = new Harness(
      `rule "W" {
        priority 1
        on lead.created
        assign users "A", "B", "C"
        distribute weighted { "A": 3, "B": 2, "C": 1 }
      }`,
      usersYaml(['A', 'B', 'C']),
    );
    expect(await h.sequence(12)).toEqual(['A', 'B', 'C', 'A', 'B', 'A', 'A', 'B', 'C', 'A', 'B', 'A']);
  });

  it('skips a key with no eligible user now and keeps the cycle going', async () => {
    const h = new Harness(
      `rule "W" {
        priority 1
        on lead.created
        assign users "A", "B", "C"
        require available
        distribute weighted { "A": 3, "B": 2, "C": 1 }
      }`,
      usersYaml(['A', 'B', 'C']),
    );
    h.setUser('C', { status: 'away' });
    expect(await h.sequence(6)).toEqual(['A', 'B', 'A', 'B', 'A', 'A']);
  });

  it('East 2 / West 1 gives East West East, with round robin inside each team', async () => {
    const h = new Harness(
      `rule "Teams" {
        priority 1
        on lead.created
        assign teams "East", "West"
        distribute weighted { "East": 2, "West": 1 }
      }`,
      `${usersYaml(['e1', 'e2', 'w1', 'w2'])}teams:
  - { name: East, members: [e1, e2] }
  - { name: West, members: [w1, w2] }
`,
    );
    // Teams: E W E | E W E …; inside East e1 e2 e1 e2, inside West w1 w2.
    expect(await h.sequence(9)).toEqual(['e1', 'w1', 'e2', 'e1', 'w2', 'e2', 'e1', 'w1', 'e2']);
  });

  it('category weightage: grades A 50 / B 30 / C 20, two A users share A\'s weight', async () => {
    const yaml = `users:
  - { id: a1, name: a1, fields: { grade: A } }
  - { id: a2, name: a2, fields: { grade: A } }
  - { id: b1, name: b1, fields: { grade: B } }
  - { id: c1, name: c1, fields: { grade: C } }
`;
    const h = new Harness(
      `rule "Grades" {
        priority 1
        on lead.created
        assign anyone
        distribute weighted by user.grade { "A": 50, "B": 30, "C": 20 }
      }`,
      yaml,
    );
    const seq = await h.sequence(20);
    // Cycle of 5/3/2: A B C A B C A B A A, A's slots alternate between a1 and a2.
    expect(seq.slice(0, 10)).toEqual(['a1', 'b1', 'c1', 'a2', 'b1', 'c1', 'a1', 'b1', 'a2', 'a1']);
    const count = (u: string) => seq.filter((s) => s === u).length;
    expect([count('a1') + count('a2'), count('b1'), count('c1')]).toEqual([10, 6, 4]);
    expect(count('a1')).toBe(count('a2'));
  });
});
