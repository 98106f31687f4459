// Seed 002 and the quota settings of seed 000: hourly and daily caps in the
// settings time zone, `quota total` as a share count that cherry-picked records
// do not touch, `take N min M`, and random that is reproducible from state.
import { describe, expect, it } from 'vitest';
import { at, Harness, HOUR, usersYaml } from './helpers';

describe('quotas', () => {
  it('never exceeds an hourly cap and resets at the top of the hour', async () => {
    const h = new Harness(
      `settings {
        timezone "UTC"
        quota hourly user.hourly_cap
        unmatched queue "triage"
      }
      rule "RR" {
        priority 1
        on lead.created
        assign users "a", "b", "c"
        distribute round_robin
        fallback queue "overflow"
      }`,
      `users:
  - { id: a, name: a, fields: { hourly_cap: 2 } }
  - { id: b, name: b, fields: { hourly_cap: 1 } }
  - { id: c, name: c }
`,
      { now: '2026-11-23T10:15:00Z' },
    );
    // c has no cap value: no cap.
    expect(await h.sequence(6)).toEqual(['a', 'b', 'c', 'a', 'c', 'c']);
    const d = await h.send();
    expect(d.trace.filters[0]).toEqual({
      filter: 'quota hourly',
      dropped: [
        { user: 'a', reason: 'hourly quota reached (2 of 2)' },
        { user: 'b', reason: 'hourly quota reached (1 of 1)' },
      ],
    });
    h.now = at('2026-11-23T11:00:00Z');
    // a and b left the rotation while capped; they rejoin behind c.
    expect(await h.sequence(3)).toEqual(['c', 'a', 'b']);
  });

  it('counts days from midnight in the settings time zone', async () => {
    const h = new Harness(
      `settings {
        timezone "Asia/Kolkata"
        quota daily user.daily_cap
        unmatched queue "triage"
      }
      rule "One" {
        priority 1
        on lead.created
        assign users "a"
        distribute round_robin
        fallback queue "tomorrow"
      }`,
      `users:\n  - { id: a, name: a, fields: { daily_cap: 1 } }\n`,
      { now: '2026-11-23T18:00:00Z' },
    );
    expect((await h.send()).assigned).toEqual(['a']); // 23:30 in Kolkata
    h.now = at('2026-11-23T18:20:00Z'); // 23:50, same day there
    expect((await h.send()).queue).toBe('tomorrow');
    h.now = at('2026-11-23T18:31:00Z'); // 00:01 the next day there
    expect((await h.send()).assigned).toEqual(['a']);
  });

  it('treats `quota total` as a share count that cherry-picked records do not touch', async () => {
    const h = new Harness(
      `settings {
        timezone "UTC"
        quota total user.quality_score
        unmatched queue "triage"
      }
      rule "Share" {
        priority 1
        on lead.created
        assign users "a"
        distribute least_recent
      }`,
      `users:\n  - { id: a, name: a, fields: { quality_score: 2 } }\n`,
    );
    await h.engine.reportAssignment({ entity: 'lead', recordId: 'C1', user: 'a', counts: false });
    expect(await h.sequence(2)).toEqual(['a', 'a']);
    h.now += 400 * 24 * HOUR;
    expect(await h.sequence(1)).toEqual(['-']);
  });
});

describe('take N min M', () => {
  const rules = `rule "Solar" {
    priority 1
    on lead.created
    assign users where user.role == "buyer"
    require available
    distribute ordered by user.quality_score desc, user.price desc
    take 3 min 2
    fallback queue "unsold"
  }`;
  const yaml = `users:
  - { id: b1, name: b1, fields: { role: buyer, quality_score: 7, price: 10 } }
  - { id: b2, name: b2, fields: { role: buyer, quality_score: 9, price: 5 } }
  - { id: b3, name: b3, fields: { role: buyer, quality_score: 7, price: 12 } }
  - { id: b4, name: b4, fields: { role: buyer, price: 99 } }
  - { id: x, name: x, fields: { role: seller, quality_score: 10 } }
`;

  it('assigns the top three distinct users (unset score last, ties by the next key)', async () => {
    const h = new Harness(rules, yaml);
    const d = await h.send();
    expect(d.assigned).toEqual(['b2', 'b3', 'b1']);
    expect(d.trace.method?.ranking?.map((r) => r.user)).toEqual(['b2', 'b3', 'b1', 'b4']);
  });

  it('assigns two when only two are eligible, and nobody when fewer than two', async () => {
    const h = new Harness(rules, yaml);
    for (const id of ['b1', 'b4']) h.setUser(id, { status: 'away' });
    expect((await h.send()).assigned).toEqual(['b2', 'b3']);
    h.setUser('b3', { status: 'away' });
    const d = await h.send();
    expect([d.outcome, d.assigned, d.queue, d.reason]).toEqual(['fallback', [], 'unsold', 'fewer than 2 eligible users']);
  });
});

describe('random', () => {
  const rules = `rule "Lottery" {
    priority 1
    on lead.created
    assign users "a", "b", "c", "d"
    distribute random
  }`;

  it('is reproducible from the same state and roughly uniform', async () => {
    const first = await new Harness(rules, usersYaml(['a', 'b', 'c', 'd'])).sequence(400);
    const second = await new Harness(rules, usersYaml(['a', 'b', 'c', 'd'])).sequence(400);
    expect(first).toEqual(second);
    for (const u of ['a', 'b', 'c', 'd']) expect(first.filter((x) => x === u).length).toBeGreaterThan(60);
    expect(new Set(first.slice(0, 12)).size).toBeGreaterThan(1);
  });

  it('keeps its generator state under seed/<rule id>', async () => {
    const h = new Harness(rules, usersYaml(['a', 'b', 'c', 'd']));
    const d = await h.send();
    const before = (d.trace.method?.before as Record<string, number>)['seed/lottery'];
    expect(before).toBeNull();
    expect(typeof (d.trace.method?.after as Record<string, number>)['seed/lottery']).toBe('number');
  });
});
